"use client";
import { useId, useState } from "react";
import { aliasProblem } from "@/lib/openclaw-config/aliases";

/**
 * Inline alias editing for one ref. Empty removes the alias; the name must be unique (ignoring
 * case) among the other refs' aliases, at most 64 characters, without control characters.
 */
export function AliasEditor({
  refText,
  alias,
  otherAliases,
  onSave,
}: {
  refText: string;
  alias?: string;
  otherAliases: Record<string, string>;
  onSave: (alias: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(alias ?? "");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  if (!editing) {
    return (
      <button
        type="button"
        className="btn px-2 py-1 text-xs"
        aria-label={alias ? `Rename alias ${alias} of ${refText}` : `Add an alias for ${refText}`}
        onClick={() => {
          setValue(alias ?? "");
          setError(null);
          setEditing(true);
        }}
      >
        {alias ? "Rename alias" : "Add an alias"}
      </button>
    );
  }

  const submit = () => {
    const next = value.trim();
    const problem = aliasProblem(next);
    const clash =
      next &&
      Object.entries(otherAliases).find(
        ([ref, other]) => ref !== refText && other.toLowerCase() === next.toLowerCase(),
      );
    if (problem) return setError(problem);
    if (clash)
      return setError(`"${clash[1]}" is already the alias of ${clash[0]} (aliases are unique, ignoring case).`);
    onSave(next);
    setEditing(false);
  };

  return (
    <form
      className="flex flex-wrap items-start gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="min-w-40 flex-1">
        <label htmlFor={`${id}-alias`} className="sr-only">
          Alias for {refText}
        </label>
        <input
          id={`${id}-alias`}
          className="input py-1 text-sm"
          value={value}
          maxLength={200}
          autoFocus
          placeholder="Alias (empty removes it)"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => {
            setValue(event.target.value);
            setError(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") setEditing(false);
          }}
        />
        <p id={`${id}-error`} className="mt-1 text-xs text-red-700 dark:text-red-300" aria-live="polite">
          {error}
        </p>
      </div>
      <button type="submit" className="btn-primary px-2 py-1 text-xs">
        Keep alias
      </button>
      <button type="button" className="btn px-2 py-1 text-xs" onClick={() => setEditing(false)}>
        Cancel
      </button>
    </form>
  );
}
