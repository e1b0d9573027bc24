import { openDatabase } from '/work/wt/fitness-tests/electron/core/db/open'
import { peopleInWardOn } from '/work/wt/fitness-tests/electron/core/fitness/fitnessQueries'
import { checkDay } from '/work/wt/fitness-tests/electron/core/fitness/testDayService'
import { fitnessRepo } from '/work/wt/fitness-tests/electron/core/fitness/fitnessRepo'
import { storeGrading } from '/work/wt/fitness-tests/electron/core/fitness/grading'
import { timeOrderedId } from '/work/wt/fitness-tests/electron/core/fitness/timeOrderedId'
import { addDays, ageOn, todayIn } from '/work/wt/fitness-tests/electron/shared/domain/dates'
const db = openDatabase('/tmp/fitbench/big.db', { seal: false })
const today = todayIn('Asia/Shanghai')
const wards = (db.prepare('SELECT id FROM wards').all() as any[]).map((r) => r.id)
const staff = (db.prepare("SELECT id FROM staff LIMIT 1").get() as any).id
const res: number[][] = []
const T = [0, 0, 0]
for (let k = 0; k < 40; k++) {
  const w = wards[k % 20]; const date = addDays(today, -1 - Math.floor(k / 20))
  const ppl = peopleInWardOn(db, w, date).filter((p) => { const a = ageOn(p.birthDate, date); return a >= 20 && a <= 59 }).slice(0, 100)
  const rows = ppl.map((p) => ({ personId: p.id, measurements: { height_cm: 170, weight_kg: 65, vital_capacity_ml: 3500, step_duration_s: 180, step_pulse_1: 50, step_pulse_2: 48, step_pulse_3: 45, step_index: 55, grip_kg: 40, push_ups: 20, vertical_jump_cm: 30, sit_and_reach_cm: 5, choice_reaction_s: 0.5, single_leg_stand_s: 20 } }))
  const t0 = performance.now(); let t1 = 0, t2 = 0
  db.transaction(() => {
    const { check, ready, standard } = checkDay(db, { wardId: w, date, standardId: 'GTY-2003-adult', rows }, today)
    t1 = performance.now()
    const at = new Date().toISOString()
    for (const r of ready) {
      const id = timeOrderedId(new Date(at))
      let a = performance.now()
      fitnessRepo.insertTest(db, { id, personId: r.person.id, wardId: w, date, sex: r.person.sex, age: r.age, standardId: standard.id, exemptItems: r.exempt, total: r.grading.total, grade: r.grading.grade, at, by: staff }, {})
      T[0] += performance.now() - a; a = performance.now()
      fitnessRepo.insertMeasurements(db, id, r.measurements)
      T[1] += performance.now() - a; a = performance.now()
      storeGrading(db, id, r.grading, { kind: 'original', at, by: staff, note: null, testRowGraded: true })
      T[2] += performance.now() - a
    }
    t2 = performance.now()
  }).immediate()
  const t3 = performance.now()
  res.push([t1 - t0, t2 - t1, t3 - t2])
}
const med = (i: number) => res.map((r) => r[i]!).sort((a, b) => a - b)[20]!.toFixed(1)
console.log(T.map((x) => (x / 40).toFixed(1)));console.log('check', med(0), 'store', med(1), 'commit', med(2))
