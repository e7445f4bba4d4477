/**
 * pptxgenjs 4.0.1 declares a content type override for a slide master per slide
 * (/ppt/slideMasters/slideMaster2.xml, …) although it writes only slideMaster1.xml. Overrides for
 * parts that are not in the package are dropped so the package lists what it holds.
 */
export function pruneContentTypeOverrides(contentTypesXml: string, partNames: ReadonlySet<string>): string {
  return contentTypesXml.replace(/\s*<Override PartName="\/([^"]+)"[^>]*\/>/g, (override, part: string) =>
    partNames.has(part) ? override : "",
  );
}
