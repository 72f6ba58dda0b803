// A Chromium trace of one page's renderer main thread, read for what a content script adds to it: the CPU
// time (thread time, not wall-clock: on a loaded machine a task's wall time mostly shows when the renderer
// was descheduled) of each task, of the extension's scripts within each task, and of each animation frame of
// a page that renders in requestAnimationFrame, from one frame's render up to the next.
import type { CDPSession } from '@playwright/test';

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, in microseconds. */
  tdur?: number;
  args?: {
    name?: string;
    data?: { frames?: { url: string; processId: number }[]; url?: string; functionName?: string };
  };
}

export async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
}

export async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await session.send('Tracing.end');
  const stream = await complete;
  let json = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream });
    json += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(json) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** One animation frame of the page's: its render task and every task after it until the next one. */
export interface FrameWork {
  /** CPU time (ms) of the frame's tasks. */
  work: number;
  /** CPU time (ms) of the extension's scripts within them. */
  extension: number;
}

export interface MainThreadWork {
  /** CPU time (ms) of each task on the main thread. */
  tasks: number[];
  /** CPU time (ms) of the extension's scripts within each task (0 where none ran). */
  extension: number[];
  /** The page's animation frames in order, from the first task that called `frameFunction`. */
  frames: FrameWork[];
}

const ms = (e: TraceEvent) => (e.tdur ?? 0) / 1000;

/**
 * The main thread of the renderer showing `url`. A frame starts with each task in which the page's script
 * `scriptPath` called `frameFunction` (its requestAnimationFrame callback).
 */
export function mainThreadWork(
  events: TraceEvent[],
  url: string,
  scriptPath: string,
  frameFunction: string,
): MainThreadWork {
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.url.startsWith(url))?.processId;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain',
  );
  if (pid === undefined || !main) throw new Error(`no renderer main thread for ${url} in the trace`);
  const onMain = events
    .filter((e) => e.pid === pid && e.tid === main.tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = onMain.filter((e) => e.name === 'RunTask');
  const extension = tasks.map(() => 0);
  const renders = new Set<number>();
  // Each call, attributed to the task it runs in; nested calls into the extension are counted once.
  let t = 0;
  let extensionUntil = -1;
  for (const call of onMain) {
    if (call.name !== 'FunctionCall') continue;
    while (t < tasks.length && tasks[t]!.ts + (tasks[t]!.dur ?? 0) <= call.ts) t++;
    const task = tasks[t];
    if (!task || task.ts > call.ts) continue;
    const data = call.args?.data;
    if (data?.url?.startsWith('chrome-extension://') && call.ts >= extensionUntil) {
      extension[t]! += ms(call);
      extensionUntil = call.ts + (call.dur ?? 0);
    }
    if (data?.functionName === frameFunction && data.url && new URL(data.url).pathname === scriptPath)
      renders.add(t);
  }
  const frames: FrameWork[] = [];
  for (let i = 0; i < tasks.length; i++) {
    if (renders.has(i)) frames.push({ work: 0, extension: 0 });
    const frame = frames[frames.length - 1];
    if (!frame) continue;
    frame.work += ms(tasks[i]!);
    frame.extension += extension[i]!;
  }
  return { tasks: tasks.map(ms), extension, frames };
}

/** The value at quantile `q` (0–1) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}
