// The investment roll-up's aggregation on DuckDB (bench/investment.sh): paid per investor and
// month of 2026's window, over the CSVs bench/investment_rollup --export wrote. Prints
//   bench: investment_rollup_duckdb ms=<median of N>
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, repeat = '9'] = process.argv.slice(2);
const instance = await DuckDBInstance.create(':memory:');
const c = await instance.connect();
await c.run(`CREATE TABLE projects AS SELECT * FROM read_csv_auto('${dir}/projects.csv')`);
await c.run(`CREATE TABLE disbursements AS SELECT project_id, plan_year, CAST(paid_on AS VARCHAR) AS paid_on, amount
             FROM read_csv_auto('${dir}/disbursements.csv')`);
const sql = `SELECT p.investor_id, substr(d.paid_on, 1, 7) AS m, SUM(d.amount) FROM disbursements d
             JOIN projects p ON p.id = d.project_id WHERE d.plan_year = 2026 AND d.paid_on <= '2027-01-31'
             GROUP BY p.investor_id, m`;
const times = [];
for (let i = 0; i < Number(repeat); i++) {
  const t = performance.now();
  const r = await c.runAndReadAll(sql);
  if (r.getRows().length === 0) throw new Error('empty answer');
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`bench: investment_rollup_duckdb ms=${times[Math.floor(times.length / 2)].toFixed(3)}`);
