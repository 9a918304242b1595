// Subsets Noto Nastaliq Urdu (OFL-1.1, from the @fontsource/noto-nastaliq-urdu package) to the
// characters in nastaliq.chars.txt, keeping the shaping tables those characters need, as WOFF2.
// Run with: bash generator/Fonts/subset.sh (needs Node.js and npm).
import subsetFont from 'subset-font';
import fs from 'fs';
const [, , input, chars, out] = process.argv;
const text = fs.readFileSync(chars, 'utf8').replace(/\n/g, '') + ' \u200c\u200d';
const font = await subsetFont(fs.readFileSync(input), text, { targetFormat: 'woff2' });
fs.writeFileSync(out, font);
console.log(`${out}: ${font.length} bytes`);
