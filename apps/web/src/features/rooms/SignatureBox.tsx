import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';

/** A handwritten signature drawn with the finger (signature_pad); `padRef` gives the PNG. */
export function SignatureBox({ padRef }: { padRef: { current: SignaturePad | null } }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    c.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePad(c, { backgroundColor: 'rgb(255,255,255)', penColor: 'rgb(0,0,0)' });
    padRef.current = pad;
    return () => {
      pad.off();
      padRef.current = null;
    };
  }, [padRef]);
  return (
    <div>
      <canvas
        ref={canvas}
        data-testid="signature-canvas"
        aria-label="手写签名框"
        style={{
          width: '100%',
          height: 160,
          border: '1px dashed #8c8c8c',
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
      />
      <button type="button" className="secondary" onClick={() => padRef.current?.clear()}>
        清除重写
      </button>
    </div>
  );
}
