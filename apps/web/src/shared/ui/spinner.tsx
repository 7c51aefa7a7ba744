export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A polite, announced loading line for whole sections. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="loading-state" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}
