/**
 * Images embedded before anything is drawn, one after the other, so the bytes of a PDF never depend on
 * timing. pdfkit embeds a PNG with an alpha channel (a seal, a QR code, a signature drawn on a phone)
 * asynchronously — it inflates the pixels on libuv's thread pool — and writes the image object to the
 * file when that finishes; embedded in the middle of layout, the object lands before or after others
 * depending on the machine's load, and identical input no longer gives identical bytes.
 */

/** The part of pdfkit's image object this module relies on (`doc.openImage`, `image.embed`). */
interface EmbeddableImage {
  width: number;
  height: number;
  obj?: unknown;
  embed(doc: PDFKit.PDFDocument): void;
  /** PNG only: called once the image object (and its soft mask) is written. */
  finalize?: () => unknown;
}

interface ImageOpener {
  openImage(src: Buffer): EmbeddableImage;
}

export class EmbeddedImages {
  private readonly images = new Map<Buffer, EmbeddableImage>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** Embeds each distinct image in the order given and waits for each before the next. */
  async embed(pngs: readonly (Buffer | undefined)[]): Promise<void> {
    for (const png of pngs) {
      if (!png || this.images.has(png)) continue;
      const image = (this.doc as unknown as ImageOpener).openImage(png);
      await new Promise<void>((resolve) => {
        const finalize = image.finalize;
        if (finalize) {
          image.finalize = function (this: EmbeddableImage) {
            const result = finalize.call(this);
            resolve();
            return result;
          };
        }
        image.embed(this.doc);
        if (!finalize) resolve();
      });
      this.images.set(png, image);
    }
  }

  /** The embedded image for `png` (embedding it now when it was not announced, e.g. in a test). */
  source(png: Buffer): Buffer {
    const image = this.images.get(png);
    // pdfkit's `image()` takes an already opened image object in place of a buffer.
    return (image ?? png) as unknown as Buffer;
  }
}
