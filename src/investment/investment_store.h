// The SQL of the investment records (migrations/0005_investment.sql): projects, capital
// sources, plan versions and disbursements. Every function runs inside the caller's
// transaction. Plan versions and disbursements are only ever added.
//
// Read models (investview) load through the ForEach… streams: everything, ordered by id,
// read in bounded batches (no result of 10 million rows in memory), and catch up through
// the …Of functions with what a change names (investment.h lists the change-feed entities).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "db/bulk_insert.h"
#include "db/connection.h"
#include "investment/investment.h"

namespace dh::investment {

// ---- Capital sources --------------------------------------------------------------------
Result<std::vector<CapitalSource>> ListCapitalSources(db::Connection& c);
Result<std::optional<CapitalSource>> GetCapitalSource(db::Connection& c, int64_t id);
Result<std::optional<CapitalSource>> FindCapitalSourceByCode(db::Connection& c,
                                                             const std::string& code);
Result<int64_t> InsertCapitalSource(db::Connection& c, const CapitalSource& s);

// ---- Projects -----------------------------------------------------------------------------
Result<int64_t> InsertProject(db::Connection& c, const Project& p);
// Every column and the locations (replaced) of p.id.
Status UpdateProject(db::Connection& c, const Project& p);
Result<std::optional<Project>> GetProject(db::Connection& c, int64_t id);
Result<std::optional<Project>> FindProjectByCode(db::Connection& c, const std::string& code);
using ProjectVisitor = std::function<void(const Project&)>;
// Every project with its locations, by id, in batches.
Status ForEachProject(db::Connection& c, const ProjectVisitor& visit);

// ---- Annual plan versions -------------------------------------------------------------------
Result<int64_t> InsertPlanVersion(db::Connection& c, const PlanVersion& v);
// Many versions in multi-row INSERTs (the national demo); ids are not returned.
Status InsertPlanVersions(db::Connection& c, const std::vector<PlanVersion>& rows);
using PlanVersionVisitor = std::function<void(const PlanVersion&)>;
Status ForEachPlanVersion(db::Connection& c, const PlanVersionVisitor& visit);
// The versions a plan adjustment made (change-feed entity "plan_adjustment").
Status ForEachPlanVersionOfAdjustment(db::Connection& c, int64_t adjustment_id,
                                      const PlanVersionVisitor& visit);
// The versions of one project, or of one project's year, by id.
Result<std::vector<PlanVersion>> PlanVersionsOfProject(db::Connection& c, int64_t project_id,
                                                       std::optional<int> year);

// ---- Disbursements ------------------------------------------------------------------------
Result<int64_t> InsertDisbursement(db::Connection& c, const Disbursement& d);
// Many rows in multi-row INSERTs (imports, the national demo); ids are not returned.
Status InsertDisbursements(db::Connection& c, const std::vector<Disbursement>& rows);
// For the length of a bulk import (true), then back (false): SQLite's page cache large
// enough to hold the rows' index pages; nothing on PostgreSQL.
Status SetBulkCache(db::Connection& c, bool bulk);
// InsertDisbursements for an import's rows, the fastest way each database takes them
// (db/bulk_insert.h: COPY on PostgreSQL, multi-row INSERTs of 100 rows on SQLite).
Status InsertDisbursementsBulk(db::Connection& c, const std::vector<Disbursement>& rows);
// The same, row by row as an import reads them: a writer opened on `c` (nothing else runs
// on `c` until it is finished), each row written through `row` (reused between rows).
Result<std::unique_ptr<db::BulkWriter>> OpenDisbursementWriter(db::Connection& c);
Status WriteDisbursement(db::BulkWriter& w, const Disbursement& d, db::Params& row);
using DisbursementVisitor = std::function<void(const Disbursement&)>;
Status ForEachDisbursement(db::Connection& c, const DisbursementVisitor& visit);
// The rows of one imported file (change-feed entity "disbursement_import").
Status ForEachDisbursementOfImport(db::Connection& c, int64_t import_id,
                                   const DisbursementVisitor& visit);
Result<std::vector<Disbursement>> DisbursementsOfProject(db::Connection& c, int64_t project_id,
                                                         std::optional<int> year);

// ---- Rows by id, for the read model's catch-up -------------------------------------------
// These rows (those that exist) of a kind: Project (with its locations), PlanVersion or
// Disbursement; by id, at most a few hundred ids a query.
template <typename T>
Status ForEachOf(db::Connection& c, const std::vector<int64_t>& ids,
                 const std::function<void(const T&)>& visit);
template <>
Status ForEachOf(db::Connection& c, const std::vector<int64_t>& ids, const ProjectVisitor& visit);
template <>
Status ForEachOf(db::Connection& c, const std::vector<int64_t>& ids,
                 const PlanVersionVisitor& visit);
template <>
Status ForEachOf(db::Connection& c, const std::vector<int64_t>& ids,
                 const DisbursementVisitor& visit);

// ---- The city's target trajectory ------------------------------------------------------------
Result<std::vector<TargetMilestone>> TargetTrajectory(db::Connection& c, int year);
// Replaces the year's milestones.
Status ReplaceTargetTrajectory(db::Connection& c, int year,
                               const std::vector<TargetMilestone>& milestones,
                               std::optional<int64_t> by, int64_t now);

}  // namespace dh::investment

namespace dh::investment {

// ---- Lists (paged, newest-last by id) ------------------------------------------------------
// `scope` none: every project; else the projects whose investor or managing unit is in it
// (investment_access.h; an empty scope matches nothing).
struct ProjectQuery {
  std::optional<std::vector<int64_t>> scope;
  std::optional<int64_t> investor_id, managing_unit_id, location_unit_id;
  std::optional<std::string> sector, group, status, q;  // q: code or name, folded
  std::optional<bool> is_key;
  std::string sort;  // a column of the list's order ("" for id)
  bool descending = false;
};
Result<std::vector<Project>> ListProjects(db::Connection& c, const ProjectQuery& q, int64_t limit,
                                          int64_t offset, int64_t* total);

// Plan versions and disbursements of the projects `scope` covers (as above).
struct RecordQuery {
  std::optional<std::vector<int64_t>> scope;
  std::optional<int64_t> project_id, source_id;
  std::optional<int> year;  // plan year
};
Result<std::vector<PlanVersion>> ListPlanVersions(db::Connection& c, const RecordQuery& q,
                                                  int64_t limit, int64_t offset, int64_t* total);
Result<std::vector<Disbursement>> ListDisbursements(db::Connection& c, const RecordQuery& q,
                                                    int64_t limit, int64_t offset, int64_t* total);

}  // namespace dh::investment

namespace dh::investment {

// What an import matches its rows' codes against: every project's code with the units that
// decide who may report for it, and every source's code.
struct ProjectCode {
  std::string code;
  int64_t id = 0, investor_id = 0;
  std::optional<int64_t> managing_unit_id;
};
Result<std::vector<ProjectCode>> AllProjectCodes(db::Connection& c);

}  // namespace dh::investment
