// Compresses uncompressed GS1 Digital Link URIs with GS1's toolkit as shipped in digital-link.js 1.4.3
// (lib/GS1DigitalLinkCompressionPrototype) and prints them as tab-separated lines.
const Toolkit = require('digital-link.js/lib/GS1DigitalLinkCompressionPrototype/GS1DigitalLinkToolkit');
const { compressWebUri, decompressWebUri } = require('digital-link.js/src/compression');
const t = new Toolkit();
const full = [
  ['GTIN and serial', 'https://id.gs1.org/01/09520123456788/21/12345'],
  ['GTIN and lot', 'https://id.gs1.org/01/09520123456788/10/ABC123'],
  ['GTIN and expiry date', 'https://id.gs1.org/01/09520123456788?17=251231'],
  ['GTIN, lot, serial, expiry (optimisation 1A)', 'https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=260426'],
  ['upper-case alphanumerics', 'https://example.com/01/05392000229648/10/LOT01/21/SERIAL01'],
  ['custom domain and stem, CPV, lot, serial with percent-encoding, best before', 'https://brand.example.com/some/stem/01/09520123456788/22/2A/10/abc-1/21/x%2Fy?15=270101'],
  ['lower-case hex lot', 'https://id.gs1.org/01/09520123456788/10/abcdef0123'],
  ['upper-case hex serial', 'https://id.gs1.org/01/09520123456788/21/ABCDEF0123'],
  ['URI-safe base64 serial', 'https://id.gs1.org/01/09520123456788/21/Ab_c-9Z'],
  ['7-bit ASCII serial', 'https://id.gs1.org/01/09520123456788/21/A!B%2BC*'],
  ['numeric serial with leading zeros', 'https://id.gs1.org/01/09520123456788/21/000123'],
  ['net weight (optimisation 2D) and production date', 'https://id.gs1.org/01/09520123456788?3103=000195&11=250101'],
  ['price (optimisation A2) and count', 'https://example.com/01/09520123456788?3922=0299&30=12'],
  ['expiry date and time (optimisation 0E)', 'https://id.gs1.org/01/09520123456788?7003=2512311230'],
  ['GLN with extension (optimisation 9D)', 'https://id.gs1.org/414/9520123456788/254/32a'],
  ['GTIN-8 zero padded', 'https://id.gs1.org/01/00000096385074/21/7'],
  ['non-GS1 query parameter', 'https://id.gs1.org/01/09520123456788/21/12345?k1=v1'],
];
const out = [];
for (const [name, uri] of full) {
  const compressed = compressWebUri(uri);
  out.push({ name, form: 'full', uncompressed: uri, compressed, toolkitDecompresses: decompressWebUri(compressed) });
}
// Partly compressed: primary key uncompressed, the rest compressed (element strings as input)
const partial = [
  ['partly compressed: GTIN, lot, serial', '(01)09520123456788(10)ABC1(21)12345', 'https://id.gs1.org/01/09520123456788/10/ABC1/21/12345'],
  ['partly compressed: GTIN, serial, expiry, custom stem', '(01)09520123456788(21)XYZ(17)261231', 'https://example.com/p/01/09520123456788/21/XYZ?17=261231'],
];
for (const [name, es, uri] of partial) {
  const stem = uri.substring(0, uri.indexOf('/01/'));
  const compressed = t.gs1ElementStringsToCompressedGS1DigitalLink(es, false, stem, true, true);
  out.push({ name, form: 'partial', uncompressed: uri, compressed });
}
// Tab-separated: name, form, uncompressed URI, compressed URI, what the toolkit's own decompression gives back
console.log(['name', 'form', 'uncompressed', 'compressed', 'toolkit_decompresses'].join('\t'));
for (const v of out) {
  console.log([v.name, v.form, v.uncompressed, v.compressed, v.toolkitDecompresses || ''].join('\t'));
}
