// The decisions of `npm start`'s first step (build/start.ts), apart from the file system and
// processes so that they are tested in Node with fakes (build/electron-binary.test.ts).
//
// electron-vite runs the binary named by node_modules/electron/path.txt and throws "Electron
// uninstall" when that file is missing. electron 45 writes it only after its lazy download
// (node_modules/electron/install.js), which `require('electron')` would start but electron-vite
// never does. So the start step runs electron's own installer first when the binary is missing.

/** What a user reads when the installer could not reach the internet. */
export const OFFLINE_SENTENCE = 'PMO Workbench could not download the Electron binary (no internet connection?); run `npm run web` to use the same app in your browser.';

/** What a user reads when the installer failed for another reason (its own output is shown above). */
export const INSTALL_FAILED_SENTENCE = "Electron's installer failed (its output is above); run `npm run web` to use the same app in your browser meanwhile.";

export interface InstallerResult {
  /** The installer's exit code; null when it could not be started or was killed. */
  status: number | null;
  /** What it wrote to stderr (its error, when it failed). */
  stderr: string;
}

export interface StartStepDeps {
  /** Set by the user to run another Electron binary; electron-vite then reads nothing else. */
  execPathOverride: string | undefined;
  /** The text of node_modules/electron/path.txt, or null when the file is missing. */
  readPathTxt(): string | null;
  /** Whether a file exists under node_modules/electron/dist. */
  existsInDist(relativePath: string): boolean;
  /** Runs `node node_modules/electron/install.js`, electron's own downloader. */
  runInstaller(): Promise<InstallerResult>;
  /** Writes one line for the user (stderr). */
  say(line: string): void;
}

export interface StartStepOutcome {
  /** Whether electron's installer was run. */
  installerRan: boolean;
  /** 0 when electron-vite can start. */
  exitCode: number;
}

/** True when electron-vite would find no binary: no path.txt, or no file where it points. */
export function binaryMissing(deps: Pick<StartStepDeps, 'execPathOverride' | 'readPathTxt' | 'existsInDist'>): boolean {
  if (deps.execPathOverride) return false;
  const relative = deps.readPathTxt()?.trim();
  if (!relative) return true;
  return !deps.existsInDist(relative);
}

// @electron/get downloads with Node's fetch (undici), whose failures all read "fetch failed";
// older versions and proxies surface the socket error codes themselves.
const NETWORK_FAILURE = /fetch failed|getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|network/i;

/** Whether a failed installer's stderr says it could not reach the download server. */
export function isNetworkFailure(stderr: string): boolean {
  return NETWORK_FAILURE.test(stderr);
}

/** Runs electron's installer when the binary is missing and says what went wrong, if anything. */
export async function ensureElectronBinary(deps: StartStepDeps): Promise<StartStepOutcome> {
  if (!binaryMissing(deps)) return { installerRan: false, exitCode: 0 };
  deps.say('Downloading the Electron binary (first launch only)…');
  const result = await deps.runInstaller();
  // Status 0 is not enough: electron 45's installer exits 0 without a word when the server hangs
  // up mid-request (undici's fetch then never settles), leaving no binary.
  if (result.status === 0 && !binaryMissing(deps)) return { installerRan: true, exitCode: 0 };
  if (isNetworkFailure(result.stderr)) {
    // Only the sentence: a stack trace from undici would bury the one thing to do.
    deps.say(OFFLINE_SENTENCE);
  } else {
    if (result.stderr.trim()) deps.say(result.stderr.trimEnd());
    deps.say(INSTALL_FAILED_SENTENCE);
  }
  return { installerRan: true, exitCode: result.status || 1 };
}
