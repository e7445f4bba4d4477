/**
 * pptxgenjs writes a missing value (null) as an empty cached point, <c:pt idx="3"><c:v></c:v></c:pt>.
 * That is not a number; readers treat it as 0 or as an error, so a plan line that starts later
 * dives to zero instead of leaving a gap for displayBlanksAs="span". A blank is an absent point.
 */
const BLANK_POINT = /<c:pt idx="\d+">\s*<c:v>\s*<\/c:v>\s*<\/c:pt>/g;

export function dropBlankCachePoints(chartXml: string): string {
  return chartXml.replace(BLANK_POINT, "");
}
