import { useRef } from 'react';
import { useModalDialog } from '../../shared/use-modal-dialog';
import { defaultRoute, formatRoute } from '../../model/route';
import { useAtlasStore } from '../../store/atlas-store';

/** Lists the curated tours with their descriptions; choosing one starts it at its first step. */
export function TourPicker() {
  const tours = useAtlasStore((s) => s.atlas?.tours ?? noTours);
  const open = useAtlasStore((s) => s.tourPickerOpen);
  const setOpen = useAtlasStore((s) => s.setTourPickerOpen);
  const onClose = () => setOpen(false);
  const ref = useRef<HTMLDialogElement>(null);
  useModalDialog(ref, open);
  return (
    <dialog
      ref={ref}
      className="shortcuts tour-picker"
      aria-labelledby="tour-picker-title"
      onClose={onClose}
    >
      <h2 id="tour-picker-title">Present a tour</h2>
      <p>
        A tour walks the class through the argument step by step. Use the arrow keys or a clicker.
      </p>
      <ul className="tour-picker__list">
        {tours.map((tour) => (
          <li key={tour.id}>
            <a
              className="tour-picker__tour"
              href={formatRoute({ ...defaultRoute, view: 'tour', tour: { id: tour.id, step: 1 } })}
              onClick={onClose}
            >
              <strong>{tour.title}</strong>
              <span>
                {tour.description} ({tour.steps.length} steps)
              </span>
            </a>
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
    </dialog>
  );
}

const noTours: never[] = [];
