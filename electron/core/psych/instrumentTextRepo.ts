/** Item texts a facility loads from its licensed copy of an instrument (instrument_texts). */
import type { Bilingual } from '../../shared/domain/instruments'
import type { Db } from '../db/open'

export const instrumentTextRepo = {
  /** Loaded texts by item number; English falls back to the Chinese text. */
  loaded(db: Db, instrumentId: string): Map<number, Bilingual> {
    const rows = db
      .prepare('SELECT item_number AS number, text_zh AS zh, text_en AS en FROM instrument_texts WHERE instrument_id = ?')
      .all(instrumentId) as Array<{ number: number; zh: string; en: string | null }>
    return new Map(rows.map((r) => [r.number, { zh: r.zh, en: r.en ?? r.zh }]))
  },

  /** Replaces the instrument's texts with these. */
  replace(db: Db, instrumentId: string, texts: ReadonlyArray<{ number: number; zh: string; en: string | null }>, at: string, by: string) {
    db.prepare('DELETE FROM instrument_texts WHERE instrument_id = ?').run(instrumentId)
    const insert = db.prepare('INSERT INTO instrument_texts (instrument_id, item_number, text_zh, text_en, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?)')
    for (const t of texts) insert.run(instrumentId, t.number, t.zh, t.en, at, by)
  },
}
