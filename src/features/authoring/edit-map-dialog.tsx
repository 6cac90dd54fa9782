import { useEffect, useState } from 'react';
import { useAtlasStore } from '../../store/atlas-store';
import { ConfirmDialog } from './confirm-dialog';
import { openMapCopy, planMapCopy, type MapCopy } from './draft-actions';

type Props = { open: boolean; onClose: () => void };

/**
 * "Edit this map": makes the map on screen a new draft, kept beside the others, and opens it.
 * What the draft cannot keep of the map is said first, and the copy is made only if asked for.
 */
export function EditMapDialog({ open, onClose }: Props) {
  const [copy, setCopy] = useState<Extract<MapCopy, { ok: true }> | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    const { atlas, setNotice } = useAtlasStore.getState();
    if (!atlas) {
      onClose();
      return;
    }
    void planMapCopy(atlas).then(async (plan) => {
      if (!current) return;
      if (!plan.ok) {
        setNotice(plan.problem);
        onClose();
      } else if (plan.lost.length > 0) setCopy(plan);
      else {
        await openMapCopy(plan.draft);
        onClose();
      }
    });
    return () => {
      current = false;
    };
  }, [open, onClose]);

  const done = () => {
    setCopy(null);
    onClose();
  };

  return (
    <ConfirmDialog
      open={copy !== null}
      title="Edit a copy of this map?"
      confirm="Edit a copy without these"
      onConfirm={() => {
        const chosen = copy;
        done();
        if (chosen) void openMapCopy(chosen.draft);
      }}
      onCancel={done}
    >
      <p>A draft cannot keep all of this map. Everything else is copied:</p>
      <ul>
        {copy?.lost.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
