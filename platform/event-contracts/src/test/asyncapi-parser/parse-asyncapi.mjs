// Parses AsyncAPI documents with the AsyncAPI initiative's own parser (the one its generator, Studio and
// Modelina use) and prints, per document, its errors and its channel addresses as one JSON line.
// AsyncApiParserTest runs it and decides what passes; this script only reports.
import { Parser, fromFile, DiagnosticSeverity } from '@asyncapi/parser';
import { resolve } from 'node:path';

const parser = new Parser();
const results = [];
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await fromFile(parser, resolve(file)).parse();
  results.push({
    file,
    errors: diagnostics
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .map((d) => ({ code: String(d.code), message: d.message, path: d.path.join('/') })),
    channels: document ? document.channels().all().map((channel) => channel.address()) : [],
  });
}
console.log(JSON.stringify(results));
