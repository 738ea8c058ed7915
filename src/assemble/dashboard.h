// The dashboard (/dashboard/): the register in figures, for residents,
// councillors and the council's information governance officer. How many
// records there are by service, phase, function, capability and risk level,
// and whether their reviews are in date, due or overdue. Each chart is an SVG
// bar chart (role="img", named by its title) with the same figures in a table
// beside it, so the page needs no JavaScript and every figure can be read as
// text. The geometry is worked out here; the markup is the theme's
// (partials/bar_chart.mustache).
#ifndef LANTERN_ASSEMBLE_DASHBOARD_H_
#define LANTERN_ASSEMBLE_DASHBOARD_H_

#include <string>
#include <string_view>
#include <vector>

#include "assemble/site_index.h"
#include "assemble/theme.h"
#include "model/date.h"
#include "model/site.h"
#include "model/value.h"

namespace lantern {

// A review is "due" when its day falls within this many months from today
// (and "overdue" once the day has passed).
inline constexpr int kReviewDueWithinMonths = 3;

// Adds "dashboard" to `view`: the sentences above the charts, "charts" (one
// per measure, in the order above; a measure no record has is left out) and
// "overdue" (the records whose review day has passed, by name). Borrows the
// index's records and facets; `today` decides the review status.
void AddDashboardView(const Site& site, const SiteIndex& index, const Theme& theme, const Date& today, Value* view);

}  // namespace lantern

#endif  // LANTERN_ASSEMBLE_DASHBOARD_H_
