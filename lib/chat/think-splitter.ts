// DeepSeek-R1-style reasoning arrives inline in `content` as `<think>…</think>`, and the tags
// may be cut anywhere across deltas ("<thi" + "nk>"). The splitter holds back only the few
// characters that could still become a tag, so everything else streams on at once.
export interface Segment {
  kind: "reasoning" | "content";
  text: string;
}

const OPEN = "<think>";
const CLOSE = "</think>";

type Mode = "start" | "think" | "content";

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  const max = Math.min(text.length, tag.length - 1);
  for (let n = max; n > 0; n--) if (tag.startsWith(text.slice(text.length - n))) return n;
  return 0;
}

export class ThinkSplitter {
  private mode: Mode = "start";
  private pending = "";
  /** Leading whitespace of a section is dropped (the "\n" after <think>, "\n\n" after </think>). */
  private sectionStart = true;

  push(text: string): Segment[] {
    const out: Segment[] = [];
    this.pending += text;
    for (;;) {
      if (this.mode === "start") {
        const trimmed = this.pending.trimStart();
        if (trimmed.startsWith(OPEN)) {
          this.mode = "think";
          this.sectionStart = true;
          this.pending = trimmed.slice(OPEN.length);
          continue;
        }
        if (OPEN.startsWith(trimmed)) return out; // still could be the opening tag (or only blanks so far)
        this.mode = "content";
        this.sectionStart = false; // an answer without reasoning is passed on untouched
        continue;
      }
      if (this.mode === "think") {
        const close = this.pending.indexOf(CLOSE);
        if (close >= 0) {
          this.emit(out, "reasoning", this.pending.slice(0, close));
          this.pending = this.pending.slice(close + CLOSE.length);
          this.mode = "content";
          this.sectionStart = true;
          continue;
        }
        const hold = partialTagLength(this.pending, CLOSE);
        this.emit(out, "reasoning", this.pending.slice(0, this.pending.length - hold));
        this.pending = this.pending.slice(this.pending.length - hold);
        return out;
      }
      this.emit(out, "content", this.pending);
      this.pending = "";
      return out;
    }
  }

  /** The stream ended: what was held back is released as what it turned out to be. */
  end(): Segment[] {
    const out: Segment[] = [];
    if (this.mode === "start") this.sectionStart = false;
    this.emit(out, this.mode === "think" ? "reasoning" : "content", this.pending);
    this.pending = "";
    return out;
  }

  private emit(out: Segment[], kind: Segment["kind"], raw: string): void {
    let text = raw;
    if (this.sectionStart) {
      text = text.trimStart();
      if (text === "") return;
      this.sectionStart = false;
    }
    if (text === "") return;
    const last = out[out.length - 1];
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  }
}
