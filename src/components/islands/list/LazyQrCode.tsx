/**
 * The QR code (./QrCode.tsx, with the `qrcode` library: the list page's largest part) loaded
 * when it is first drawn, which is once the list has groups on it: an empty list, as the page
 * first opens, does not load it. Until it arrives a blank square of the same size keeps its room.
 */
import { Suspense, lazy } from 'react';

const QrCode = lazy(() => import('./QrCode'));

export default function LazyQrCode(props: { text: string; label: string; className?: string }) {
  return (
    <Suspense fallback={<svg className={props.className} viewBox="0 0 1 1" aria-hidden="true" />}>
      <QrCode {...props} />
    </Suspense>
  );
}
