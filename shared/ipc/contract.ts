// The IPC contract between the Electron main process and the renderer: each channel's
// request and reply schemas, keyed by the names in channels.ts; PmoApi derives from it.
import { z } from 'zod';
import { MENU_COMMANDS, ipcChannels } from './channels';

// The zod-free half lives in channels.ts (the sandboxed preload imports only that); it is
// re-exported so everyone else imports from here.
export * from './channels';

/**
 * Largest file main reads or writes. SheetJS and the IPC copy each hold the whole file in
 * memory, and a file we refuse to open should not be written either.
 */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Shown when bytes over MAX_FILE_BYTES reach a request schema; main passes it to the user. */
export const FILE_TOO_LARGE_MESSAGE = `The file is larger than the ${MAX_FILE_BYTES / (1024 * 1024)} MB limit.`;

export const WORKBOOK_EXTENSION = '.pmowb';

/** Extensions per file kind, lower case with the dot; the first one is the default. */
export const FILE_EXTENSIONS = {
  workbook: [WORKBOOK_EXTENSION],
  spreadsheet: ['.xlsx', '.xlsm', '.xls', '.ods', '.fods', '.csv', '.tsv'],
  xlsx: ['.xlsx'],
  csv: ['.csv'],
  png: ['.png'],
  svg: ['.svg'],
} as const satisfies Record<string, readonly string[]>;

export const OpenKindSchema = z.enum(['workbook', 'spreadsheet']);
export type OpenKind = z.infer<typeof OpenKindSchema>;
/** What Save As writes: a workbook, exports to spreadsheets, and images of views (the roadmap). */
export const SaveKindSchema = z.enum(['workbook', 'xlsx', 'csv', 'png', 'svg']);
export type SaveKind = z.infer<typeof SaveKindSchema>;
export type FileKind = OpenKind | SaveKind;

// z.custom keeps the type Uint8Array<ArrayBufferLike>, so views from SheetJS or TextEncoder
// type-check; instanceof also accepts Node's Buffer (a Uint8Array subclass) in main.
const BytesSchema = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'Expected file bytes (Uint8Array).' })
  .refine((bytes) => bytes.byteLength <= MAX_FILE_BYTES, { message: FILE_TOO_LARGE_MESSAGE });

// Paths are checked properly in main (absolute, extension, NUL); the schema only bounds them.
const PathSchema = z.string().min(1).max(4096);
const NameSchema = z.string().min(1).max(1024);

const CanceledSchema = z.object({ canceled: z.literal(true) });

export const OpenedFileSchema = z.object({
  canceled: z.literal(false),
  path: PathSchema,
  name: NameSchema,
  bytes: BytesSchema,
});
export const FileOpenReplySchema = z.discriminatedUnion('canceled', [CanceledSchema, OpenedFileSchema]);
export type FileOpenReply = z.infer<typeof FileOpenReplySchema>;

export const SavedFileSchema = z.object({ path: PathSchema, name: NameSchema });
export const FileSaveAsReplySchema = z.discriminatedUnion('canceled', [
  CanceledSchema,
  SavedFileSchema.extend({ canceled: z.literal(false) }),
]);
export type FileSaveAsReply = z.infer<typeof FileSaveAsReplySchema>;

export const RecentFileSchema = z.object({
  path: PathSchema,
  name: NameSchema,
  /** ISO 8601 time of the last open or save. */
  openedAt: z.string(),
});
export type RecentFile = z.infer<typeof RecentFileSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  electron: z.string(),
  chrome: z.string(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

// A channel without arguments is invoked with none, so main sees `undefined`.
const NoRequest = z.undefined();

/**
 * The contract: API method name → channel, request and reply. Requests are strict objects
 * so a renderer cannot smuggle extra fields past validation.
 */
export const ipcContract = {
  getAppInfo: {
    channel: ipcChannels.getAppInfo,
    request: NoRequest,
    reply: AppInfoSchema,
  },
  openFile: {
    channel: ipcChannels.openFile,
    request: z.strictObject({ kind: OpenKindSchema }),
    reply: FileOpenReplySchema,
  },
  saveFileAs: {
    channel: ipcChannels.saveFileAs,
    request: z.strictObject({ suggestedName: z.string().max(1024), kind: SaveKindSchema, bytes: BytesSchema }),
    reply: FileSaveAsReplySchema,
  },
  saveFile: {
    channel: ipcChannels.saveFile,
    request: z.strictObject({ path: PathSchema, bytes: BytesSchema }),
    reply: SavedFileSchema,
  },
  listRecent: {
    channel: ipcChannels.listRecent,
    request: NoRequest,
    reply: z.array(RecentFileSchema),
  },
  openRecent: {
    channel: ipcChannels.openRecent,
    request: z.strictObject({ path: PathSchema }),
    reply: FileOpenReplySchema,
  },
  clearRecent: {
    channel: ipcChannels.clearRecent,
    request: NoRequest,
    reply: z.void(),
  },
} as const satisfies {
  [M in keyof typeof ipcChannels]: { channel: (typeof ipcChannels)[M]; request: z.ZodType; reply: z.ZodType };
};

export type IpcContract = typeof ipcContract;
export type IpcMethod = keyof IpcContract;
export type IpcChannel = IpcContract[IpcMethod]['channel'];
export type IpcRequest<M extends IpcMethod> = z.input<IpcContract[M]['request']>;
export type IpcReply<M extends IpcMethod> = z.output<IpcContract[M]['reply']>;

export const ipcMethods = Object.keys(ipcChannels) as IpcMethod[];

/** The API method for a channel name, or undefined when the channel is not in the contract. */
export function methodForChannel(channel: string): IpcMethod | undefined {
  return ipcMethods.find((method) => ipcChannels[method] === channel);
}

// ---------------------------------------------------------------------------------------
// main → renderer: menu commands (on MENU_CHANNEL)

export const MenuCommandNameSchema = z.enum(MENU_COMMANDS);
export type MenuCommandName = z.infer<typeof MenuCommandNameSchema>;

/**
 * `open-recent` carries the path of a workbook in the recent list; the renderer opens it with
 * `openRecent({ path })`. Main also sends it for a workbook the OS handed us (double-click,
 * command line, second instance, macOS open-file) after adding it to the recent list.
 */
export const MenuCommandSchema = z.object({
  command: MenuCommandNameSchema,
  path: PathSchema.optional(),
});
export type MenuCommand = z.infer<typeof MenuCommandSchema>;

// ---------------------------------------------------------------------------------------
// The renderer's view: one async function per channel, plus the menu subscription.

type ApiFunction<M extends IpcMethod> = [IpcRequest<M>] extends [undefined]
  ? () => Promise<IpcReply<M>>
  : (request: IpcRequest<M>) => Promise<IpcReply<M>>;

export type PmoApi = { readonly [M in IpcMethod]: ApiFunction<M> } & {
  /** Subscribe to menu commands; returns the unsubscribe function. */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};
