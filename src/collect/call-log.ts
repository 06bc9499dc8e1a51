/** One API call as the collectors made it, for the coverage summary. */
export interface CallRecord {
  /** IAM-style action, e.g. "sagemaker:ListNotebookInstances". */
  action: string;
  region: string;
  ok: boolean;
  /** The service answered "none" (e.g. NoSuchBucketPolicy): an answer, not a failure. */
  absent?: string;
  /** For failures: the error code and message the service returned. */
  errorCode?: string;
  message?: string;
}

export class CallLog {
  readonly records: CallRecord[] = [];

  add(record: CallRecord): void {
    this.records.push(record);
  }

  failures(): CallRecord[] {
    return this.records.filter((r) => !r.ok);
  }
}
