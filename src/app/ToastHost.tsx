import { dismissToast, toast } from '../state/toast';
import { Icon } from '../ui/Icon';

/**
 * Where toasts appear: above the dock, announced politely. The action (Undo, Open) is a real
 * button so keyboard and screen-reader users reach it like anyone else.
 */
export function ToastHost() {
  const current = toast.value;
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {current && (
        <div class="toast" key={current.id}>
          <span class="toast-message">{current.message}</span>
          {current.action && (
            <button
              type="button"
              class="toast-action"
              onClick={() => {
                const action = current.action!;
                dismissToast(current.id);
                void action.run();
              }}
            >
              {current.action.label}
            </button>
          )}
          <button type="button" class="toast-close" aria-label="Dismiss" onClick={() => dismissToast(current.id)}>
            <Icon name="close" size={16} />
          </button>
        </div>
      )}
    </div>
  );
}
