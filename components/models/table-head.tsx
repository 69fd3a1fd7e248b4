/** A table's header row: each column's label, numbers right-aligned. */
export function TableHead({ columns }: { columns: { label: string; numeric?: boolean }[] }) {
  return (
    <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={`py-2 pr-3${c.numeric ? " text-right" : ""}`}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
