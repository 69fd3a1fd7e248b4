"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { modelFacts } from "@/lib/catalog/picker";
import { formatPrice } from "./format";

const ROW_HEIGHT = 64;

/**
 * The picker's result list. Only the rows in view are in the DOM (5,000 models stay fast);
 * Up/Down/Home/End move between rows, scrolling the list as needed. A row's name is what it
 * shows (name, org and id, live providers, price), so a speech user can say what they see.
 */
export function ModelList({
  models,
  selected,
  onSelect,
}: {
  models: CatalogModel[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design
  const virtualizer = useVirtualizer({
    count: models.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const selectedIndex = selected ? models.findIndex((m) => m.id === selected) : -1;

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
    // Only when the selection itself changes, not on every scroll.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedIndex]);

  const focusRow = (index: number) => {
    const target = Math.max(0, Math.min(models.length - 1, index));
    virtualizer.scrollToIndex(target, { align: "auto" });
    // The row exists only once the list has re-rendered at the new scroll position.
    let frames = 0;
    const tryFocus = () => {
      const row = scrollRef.current?.querySelector<HTMLButtonElement>(`[data-index="${target}"] button`);
      if (row) row.focus();
      else if (frames++ < 20) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const current = Number((event.target as HTMLElement).closest("[data-index]")?.getAttribute("data-index") ?? -1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: models.length - 1,
      PageDown: current + 8,
      PageUp: current - 8,
    };
    if (event.key in moves && current >= 0) {
      event.preventDefault();
      focusRow(moves[event.key]);
    }
  };

  if (models.length === 0)
    return (
      <p className="muted rounded-lg border border-dashed border-zinc-300 p-6 text-center dark:border-zinc-700">
        No model matches these filters.
      </p>
    );

  return (
    <div
      ref={scrollRef}
      className="h-[28rem] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800"
      onKeyDown={onKeyDown}
      data-testid="model-list"
    >
      <div role="list" aria-label="Models" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {virtualizer.getVirtualItems().map((item) => {
          const model = models[item.index];
          const facts = modelFacts(model);
          const isSelected = model.id === selected;
          return (
            <div
              key={model.id}
              role="listitem"
              aria-setsize={models.length}
              aria-posinset={item.index + 1}
              data-index={item.index}
              className="absolute inset-x-0"
              style={{ top: item.start, height: ROW_HEIGHT }}
            >
              <button
                type="button"
                aria-current={isSelected ? "true" : undefined}
                onClick={() => onSelect(model.id)}
                className={`flex h-full w-full items-center justify-between gap-3 border-b border-zinc-100 px-3 text-left dark:border-zinc-800 ${isSelected ? "bg-amber-50 dark:bg-amber-950/50" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/60"}`}
              >
                <span className="min-w-0">
                  <span className="block truncate text-sm font-medium">{model.name}</span>
                  <span className="muted block truncate text-xs">
                    {model.org ? `${model.org} · ` : ""}
                    <code>{model.id}</code>
                  </span>
                </span>
                <span className="flex shrink-0 flex-col items-end gap-0.5 text-xs">
                  <span
                    className={
                      facts.live ? "text-emerald-700 dark:text-emerald-300" : "text-zinc-600 dark:text-zinc-400"
                    }
                  >
                    {facts.live ? `${facts.liveProviders.size} live` : model.listed ? "none live" : "built-in"}
                  </span>
                  <span className="muted text-xs">
                    {Number.isFinite(facts.minOutputPrice) ? `from ${formatPrice(facts.minOutputPrice)} out` : ""}
                  </span>
                </span>
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
