/**
 * "Add to my list" / "Remove from my list": one button for one entry, whose words say what it will
 * do. Used as an island on entry pages and as a plain component inside other islands (search
 * results):
 *
 *   import { AddToListButton } from './AddToList';
 *   <AddToListButton id={entry.id} name={entry.name} />
 *
 * Not a toggle (aria-pressed) but an action button: a person pressing "Add" again must not remove
 * the group silently, so once the group is in the list the button says "Remove from my list", and
 * a status line says "In your list", with a link to the list. Renders an empty placeholder of the same height until it runs in the browser, because it
 * cannot work without JavaScript. On entry pages it is `client:only` (there is nothing to render
 * on the server) and the page keeps its room with `.add-to-list-slot`.
 */
import { useEffect, useId, useState } from 'react';
import { addId, hasId, readList, removeId, subscribe } from '../../../lib/list/store';
import { MAX_LIST } from '../../../lib/list/codec';
import { warmEntry } from './list-client';
import { href } from '../../../lib/site/paths';

export interface AddToListProps {
  /** The entry id (file name). */
  id: string;
  /** The entry's name, for the accessible label. */
  name: string;
  /** A sensitive entry (domestic abuse and the like): says the list can be seen by anyone using this device. */
  sensitive?: boolean;
}

export function AddToListButton({ id, name, sensitive = false }: AddToListProps) {
  const [inList, setInList] = useState<boolean | null>(null);
  const [full, setFull] = useState(false);
  const statusId = useId();

  useEffect(() => {
    const sync = () => {
      setInList(hasId(id));
      setFull(false);
    };
    sync();
    return subscribe(sync);
  }, [id]);

  if (inList === null) return <div className="add-to-list no-print" />;

  const toggle = () => {
    if (inList) {
      removeId(id);
      return;
    }
    if (!addId(id)) {
      setFull(true);
      return;
    }
    warmEntry(id);
  };

  return (
    <div className="add-to-list no-print">
      <button
        type="button"
        className={`button ${inList ? 'button--secondary' : ''} add-to-list__button`}
        aria-label={`${inList ? 'Remove from my list' : 'Add to my list'}: ${name}`}
        aria-describedby={statusId}
        data-in-list={inList}
        onClick={toggle}
      >
        {inList ? 'Remove from my list' : 'Add to my list'}
      </button>
      <span id={statusId} className="add-to-list__status" role="status">
        {full ? (
          <>
            Your list is full ({MAX_LIST} groups). Remove one from <a href={href('/list/')}>your list</a> first.
          </>
        ) : inList ? (
          <>
            <span aria-hidden="true">✓ </span>In your list.{' '}
            <a href={href('/list/')}>View my list ({readList().length})</a>
          </>
        ) : null}
      </span>
      {sensitive && (
        <p className="add-to-list__hint hint">Your list is kept on this device: anyone who uses it can see it.</p>
      )}
    </div>
  );
}

export default AddToListButton;
