type Doc = PDFKit.PDFDocument;
export type StructElement = PDFKit.PDFStructureElement;

/**
 * pdfkit 0.20 reads these options too (Layout BBox, table header Scope); its type declarations
 * only list the text ones.
 */
export interface StructOptions extends PDFKit.Mixins.StructureElementOptions {
  bbox?: [number, number, number, number];
  scope?: "Column" | "Row" | "Both";
}

/**
 * The logical structure of the PDF for screen readers (Tagged PDF): a Document holding one Sect
 * per slide, with H1/H2, P, L/LI/LBody, Table/TR/TH/TD and Figure (with alt text) inside.
 * Everything drawn is either content of a structure element or an Artifact (chrome, decoration).
 */
export class Tagger {
  readonly root: StructElement;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct("Document");
    doc.addStructure(this.root);
  }

  /** A structure element under `parent`; call `end()` on it once its content is drawn. */
  element(parent: StructElement, type: string, options: StructOptions = {}): StructElement {
    const element = this.doc.struct(type, options);
    parent.add(element);
    return element;
  }

  /** Draws as marked content of `element` (which stays open for more content). */
  content(element: StructElement, type: string, draw: () => void): void {
    const marked = this.doc.markStructureContent(type);
    draw();
    this.doc.endMarkedContent();
    element.add(marked);
  }

  /** A structure element holding exactly what `draw` paints. */
  leaf(parent: StructElement, type: string, draw: () => void, options: StructOptions = {}): void {
    const element = this.element(parent, type, options);
    this.content(element, type, draw);
    element.end();
  }

  /** Decoration and page furniture that screen readers should skip. */
  artifact(draw: () => void, type: "Layout" | "Pagination" = "Layout"): void {
    this.doc.markContent("Artifact", { type });
    draw();
    this.doc.endMarkedContent();
  }

  finish(): void {
    this.root.end();
  }
}
