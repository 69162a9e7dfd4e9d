/**
 * Errors across the decode worker boundary. A worker's error reaches the main thread as plain
 * data (a structured clone keeps neither the class nor its fields), so the input errors are sent
 * with their fields and rebuilt as the same class; anything else is rebuilt as a plain Error with
 * the worker's stack: a crash stays a crash.
 */
import { DecodeError, isInputError, LoadError } from '../lib/errors.ts';

export type WorkerError =
  | {
      class: 'DecodeError';
      detail: string;
      file: string;
      byteOffset: number;
      tagPath: string;
      recordIndex: number | undefined;
      stack: string | undefined;
    }
  | {
      class: 'LoadError';
      message: string;
      file: string;
      fix: string | undefined;
      recordIndex: number | undefined;
      byteOffset: number | undefined;
      stack: string | undefined;
    }
  | { class: 'crash'; message: string; stack: string | undefined };

/** What a worker posts about an error. */
export function toWorkerError(error: unknown): WorkerError {
  const stack = error instanceof Error ? error.stack : undefined;
  if (!isInputError(error))
    return {
      class: 'crash',
      message: error instanceof Error ? error.message : String(error),
      stack,
    };
  if (error instanceof DecodeError) {
    const { detail, file, byteOffset, tagPath, recordIndex } = error;
    return { class: 'DecodeError', detail, file, byteOffset, tagPath, recordIndex, stack };
  }
  const { message, file, fix, recordIndex, byteOffset } = error;
  return { class: 'LoadError', message, file, fix, recordIndex, byteOffset, stack };
}

/** The error a worker posted, as the class it had there. */
export function fromWorkerError(posted: WorkerError): Error {
  let error: Error;
  if (posted.class === 'DecodeError') {
    const { detail, file, byteOffset, tagPath, recordIndex } = posted;
    error = new DecodeError(detail, file, byteOffset, tagPath, recordIndex);
  } else if (posted.class === 'LoadError') {
    const { message, file, fix, recordIndex, byteOffset } = posted;
    error = new LoadError(message, file, { fix, recordIndex, byteOffset });
  } else error = new Error(posted.message);
  if (posted.stack !== undefined) error.stack = posted.stack;
  return error;
}
