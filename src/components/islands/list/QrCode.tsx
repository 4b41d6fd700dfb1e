/**
 * A QR code drawn as SVG elements (no HTML strings): one path of one-unit squares, with the
 * four-module quiet zone scanners need. Crisp on screen and on paper at any size.
 */
import { useMemo, type CSSProperties } from 'react';
import QRCode from 'qrcode';

/** The SVG path of the dark modules, offset by the quiet zone. */
export function qrPath(size: number, dark: (row: number, col: number) => boolean, quiet = 4): string {
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      if (dark(r, c)) parts.push(`M${c + quiet} ${r + quiet}h1v1h-1z`);
    }
  }
  return parts.join('');
}

export default function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const code = useMemo(() => {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    return { size, d: qrPath(size, (r, c) => !!qr.modules.get(r, c)) };
  }, [text]);
  const box = code.size + 8;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${box} ${box}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-modules={code.size}
      // Lets CSS give long links (dense codes) more room, so each module stays big enough to scan.
      style={{ '--qr-modules': box } as CSSProperties}
    >
      <rect width={box} height={box} fill="#fff" />
      <path d={code.d} fill="#000" />
    </svg>
  );
}
