/**
 * The number of groups on my list, inside the header's "My list" link, so the link reads
 * "My list (3)". Nothing until it runs in the browser, and nothing for an empty list. Follows
 * changes made by other islands on the page and in other tabs.
 */
import { useEffect, useState } from 'react';
import { readList, subscribe } from '../../../lib/list/store';

export default function ListCount() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const sync = () => setCount(readList().length);
    sync();
    return subscribe(sync);
  }, []);
  if (!count) return null;
  return (
    <>
      <span className="list-count" aria-hidden="true" data-list-count={count}>
        {count}
      </span>
      <span className="visually-hidden">({count})</span>
    </>
  );
}
