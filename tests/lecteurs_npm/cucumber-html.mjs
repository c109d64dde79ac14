// messages.ndjson -> Cucumber's own HTML report: node cucumber-html.mjs MESSAGES OUT.html
import { createReadStream, createWriteStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { CucumberHtmlStream } from '@cucumber/html-formatter'
const [input, output] = process.argv.slice(2)
const html = new CucumberHtmlStream()
const out = createWriteStream(output)
html.pipe(out)
for await (const line of createInterface({ input: createReadStream(input) })) {
  if (line.trim()) html.write(JSON.parse(line))
}
html.end()
await new Promise((ok, ko) => { out.on('finish', ok); out.on('error', ko) })
