/**
 * Exporting the diagram: a standalone SVG file (the element's diagram rules embedded, colours resolved
 * from the element) and a PNG drawn from that SVG at twice the size.
 */
import { COLOUR_VARS, diagramCss } from "./py-heap-view.styles.js";

/** The diagram `svg` as a standalone SVG document, coloured as `host` shows it. */
export function svgDocument(svgEl: SVGSVGElement, host: Element): string {
  const clone = svgEl.cloneNode(true) as SVGSVGElement;
  const computed = getComputedStyle(host);
  const vars = COLOUR_VARS.map((v) => `${v}: ${computed.getPropertyValue(v).trim()};`).join(" ");
  const style = document.createElementNS("http://www.w3.org/2000/svg", "style");
  style.textContent = `svg { ${vars} } ${diagramCss}`;
  clone.insertBefore(style, clone.firstChild);
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  for (const el of clone.querySelectorAll("[tabindex]")) el.removeAttribute("tabindex");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

/** Rasterises an SVG document to a PNG blob at `scale`. */
export async function pngFromSvg(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  // A data: URL rather than a blob: one, so pages with a strict img-src (e.g. 'self' data:) can export.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  {
    const img = new Image();
    img.decoding = "sync";
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("the diagram could not be drawn as an image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
    );
  }
}

/** Offers `blob` as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
