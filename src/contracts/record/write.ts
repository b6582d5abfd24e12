import { Document, isMap, isSeq } from 'yaml';
import type { Recording } from './generalize.js';

/** A recording as YAML: a header (how to replay, warnings), then the scenario; notes become step comments. */
export function recordingYaml(
  recording: Recording,
  header: readonly string[],
  schemaRef = '../spec/scenario.schema.json',
): string {
  const doc = new Document(recording.file);
  const steps = doc.getIn(['scenarios', 0, 'steps'], true);
  if (isSeq(steps)) {
    for (const [index, note] of recording.notes) {
      const node = steps.items[index];
      if (isMap(node)) node.commentBefore = ` ${note}`;
    }
  }
  const warnings = recording.warnings.map((w) => `WARNING: ${w}`);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${schemaRef}`,
    ...[...header, ...warnings].map((l) => ` ${l}`),
  ].join('\n');
  return doc.toString({ lineWidth: 120, flowCollectionPadding: true });
}
