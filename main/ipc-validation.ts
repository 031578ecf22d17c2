// Validated IPC (after VS Code's validatedIpcMain): every message is checked for channel,
// sender and payload before its handler runs, and every reply is checked against the contract.
import type { z } from 'zod';
import { FILE_TOO_LARGE_MESSAGE, IPC_PREFIX, ipcContract, ipcFail, ipcOk, methodForChannel } from '../shared/ipc/contract';
import type { IpcContract, IpcMethod, IpcResult } from '../shared/ipc/contract';
import { isTrustedSender } from './trusted-url';
import type { TrustContext } from './trusted-url';

/** What main knows about the frame that sent a message (null when it is already gone). */
export type IpcSender = { url: string; isMainFrame: boolean } | null;

export type ValidatedRequest =
  | { ok: true; method: IpcMethod; request: unknown }
  | { ok: false; reason: string; userMessage: string };

const refused = (channel: string) => `PMO Workbench refused an invalid request (${channel}).`;

/**
 * Checks one incoming invoke. `args` are all arguments after the event: a channel takes at
 * most one (its request object), so extra arguments are refused rather than ignored.
 */
export function validateIpcRequest(
  channel: string,
  sender: IpcSender,
  args: readonly unknown[],
  trust: TrustContext,
): ValidatedRequest {
  const method = channel.startsWith(IPC_PREFIX) ? methodForChannel(channel) : undefined;
  if (method === undefined) {
    return { ok: false, reason: `unknown channel ${JSON.stringify(channel)}`, userMessage: refused(channel) };
  }
  if (!isTrustedSender(sender, trust)) {
    const from = sender === null ? 'a destroyed frame' : `${sender.isMainFrame ? 'main' : 'sub'} frame ${sender.url}`;
    return { ok: false, reason: `untrusted sender: ${from}`, userMessage: refused(channel) };
  }
  if (args.length > 1) {
    return { ok: false, reason: `${args.length} arguments`, userMessage: refused(channel) };
  }
  const parsed = ipcContract[method].request.safeParse(args[0]);
  if (!parsed.success) {
    // The size cap is the one refusal a well-behaved renderer can hit, so it gets its own words.
    const tooLarge = parsed.error.issues.some((issue) => issue.message === FILE_TOO_LARGE_MESSAGE);
    const userMessage = tooLarge ? FILE_TOO_LARGE_MESSAGE : refused(channel);
    return { ok: false, reason: `invalid payload: ${parsed.error.message}`, userMessage };
  }
  return { ok: true, method, request: parsed.data };
}

/** Handlers receive parsed requests and return what the reply schema accepts. */
export type IpcHandlers<Ctx> = {
  [M in IpcMethod]: (
    request: z.output<IpcContract[M]['request']>,
    ctx: Ctx,
  ) => z.input<IpcContract[M]['reply']> | Promise<z.input<IpcContract[M]['reply']>>;
};

export type IpcLogger = Pick<Console, 'warn' | 'error'>;

/**
 * Validates a message, runs its handler and checks the reply. Never throws: failures become
 * `{ ok: false, message }` for the preload to rethrow as a plain Error in the renderer.
 * Handlers throw Errors whose message is written for the user.
 */
export async function dispatchIpc<Ctx>(
  channel: string,
  sender: IpcSender,
  args: readonly unknown[],
  handlers: IpcHandlers<Ctx>,
  trust: TrustContext,
  ctx: Ctx,
  log: IpcLogger = console,
): Promise<IpcResult<unknown>> {
  const validated = validateIpcRequest(channel, sender, args, trust);
  if (!validated.ok) {
    log.warn(`[ipc] refused ${channel}: ${validated.reason}`);
    return ipcFail(validated.userMessage);
  }
  const { method, request } = validated;
  let value: unknown;
  try {
    // The contract ties each method's request to its handler; TypeScript cannot follow the
    // correlation through the union, so the handler is called through a widened type.
    const handler = handlers[method] as (request: unknown, ctx: Ctx) => unknown;
    value = await handler(request, ctx);
  } catch (error) {
    if (error instanceof Error && error.message !== '') return ipcFail(error.message);
    log.error(`[ipc] ${channel} failed`, error);
    return ipcFail(`PMO Workbench could not complete the request (${channel}).`);
  }
  const reply = ipcContract[method].reply.safeParse(value);
  if (!reply.success) {
    log.error(`[ipc] ${channel} produced a reply outside the contract: ${reply.error.message}`);
    return ipcFail(`PMO Workbench hit an internal error (${channel}).`);
  }
  return ipcOk(reply.data);
}
