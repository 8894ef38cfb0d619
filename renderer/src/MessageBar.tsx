/// Where errors from the library appear: a bar at the bottom that does not block the work.
export function MessageBar({ message, onDismiss }: { message: string | null; onDismiss: () => void }) {
  return (
    <div className="message-region" role="alert">
      {message && (
        <div className="message-bar">
          <p>{message}</p>
          <button type="button" className="quiet-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
