// What the report writers share: where their text goes, and the records of each file.
export type { FileRecords } from './records.js';

/** Where a report's text goes, piece by piece (it may wait, so a slow reader does not fill memory). */
export type Out = (text: string) => void | Promise<void>;

/** Collects a report's pieces and hands them on in pieces of about 64 kB. */
export class Buffered {
  private text = '';
  constructor(private readonly out: Out) {}
  async write(text: string): Promise<void> {
    this.text += text;
    if (this.text.length >= 1 << 16) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.text === '') return;
    const text = this.text;
    this.text = '';
    await this.out(text);
  }
}
