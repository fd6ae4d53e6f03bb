// Streaming, the public surface of the folder: check and fix a script read as a stream, in
// constant memory, segment by segment (run.ts says how). The library (src/index.ts), the commands,
// the formats and the report import from here; the worker thread imports segment.ts directly.
export { SEGMENT_SIZE, cutSegments, segments, type RawSegment, type Segment } from './cut.js';
export { IN_THREAD, type SegmentExecutor } from './executor.js';
export type { CarriedDirective, Payload, SegmentJob } from './job.js';
export {
  runSegment,
  type DirectiveRef,
  type OwnDirective,
  type ScriptStatement,
  type SegmentResult,
} from './segment.js';
export type { StreamSuppressed } from './state.js';
export {
  checkStreamInto,
  checkStreamWith,
  fixStreamInto,
  fixStreamWith,
  type StreamFixResult,
  type StreamOptions,
  type StreamSink,
  type StreamWrite,
} from './run.js';
