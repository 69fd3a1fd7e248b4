// What a route handler gets for one request.
import type { IncomingMessage, ServerResponse } from "node:http";
import { toWire } from "./default-models";
import type { ChatScenario, Scenario } from "./scenario";
import { syntheticCatalog } from "./synthetic-catalog";
import type { FakeModel } from "./types";

export interface CatalogView {
  models: readonly FakeModel[];
  byId: ReadonlyMap<string, FakeModel>;
  /** The /v1/models body, serialised once: 5,000 models is megabytes of JSON. */
  listJson: string;
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  rawBody: string;
  /** Scenario as it was when the request arrived. */
  scenario: Scenario;
  catalog: CatalogView;
  /** Aborted when the response closes for any reason; stops timers of slow and streaming answers. */
  signal: AbortSignal;
  requestId: string;
  /** Cuts the connection without counting it as a client abort in the log. */
  destroyConnection(): void;
  /** The scenario of this chat call to `modelId` (id without suffix): plays chatScript on. */
  chatScenario(modelId: string): ChatScenario;
  /** A recorded answer set by serveRecording(): every chat call gets these bytes. */
  recording: Recording | null;
}

/** A response replayed byte for byte (a test reads it from ../shared; the fake never stores one). */
export interface Recording {
  status: number;
  contentType: string;
  body: Buffer;
  headers?: Record<string, string>;
}

function view(models: readonly FakeModel[]): CatalogView {
  return {
    models,
    byId: new Map(models.map((m) => [m.id, m])),
    listJson: JSON.stringify({ object: "list", data: models.map(toWire) }),
  };
}

/** Builds catalogs lazily and keeps them, since tests flip between sizes. */
export class CatalogCache {
  private readonly views = new Map<number | null, CatalogView>();

  constructor(private readonly base: readonly FakeModel[]) {}

  get(size: number | null): CatalogView {
    let v = this.views.get(size);
    if (!v) {
      v = view(size === null ? this.base : syntheticCatalog(size));
      this.views.set(size, v);
    }
    return v;
  }
}
