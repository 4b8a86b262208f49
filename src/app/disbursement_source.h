// The computed indicator "investment.disbursement_rate" (targets/computed_source.h), read
// from public investment's read model. It lives in app/ because targets/ and investment/
// do not include each other: this is the one place that sees both.
#pragma once

#include "core/date.h"
#include "investment/investment_index_service.h"
#include "readmodel/change_feed.h"
#include "targets/computed_source.h"
#include "units/unit_directory.h"

namespace dh::app {

// The share (%) of a plan year's money (the council's plan, the roll-up's default basis)
// paid by the end of each period of the indicator's periodicity that has begun, for each
// investor and, summed over every project under it, for each root unit (the city). A month
// or quarter counts what was paid until its end; the year counts its whole window (until
// 31/01 of the next year) and, for a monthly or quarterly indicator, is given once that
// window has closed. A value is official once its period (or window) is over.
targets::ComputedSource DisbursementRateSource(const investment::InvestmentView& view,
                                               const units::UnitDirectory& units,
                                               const Clock& clock);
// Its refresh (targets::ComputedSources runs it once a read, before the source's first
// indicator): the feed caught up, so the rate follows a payment recorded just before. A
// failure leaves the last figures, as the roll-up does.
targets::ComputedRefresh DisbursementRateRefresh(readmodel::ChangeFeed& feed);

}  // namespace dh::app
