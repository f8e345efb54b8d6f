//! What the reports read from a [`Snapshot`]: the records of a scope (currency, owner,
//! region) as compact records or as rows, live customers, and the owners and regions that
//! fill the dashboard's filters.

use super::{to_u32, Snapshot};
use crate::crm::opportunity::Stage;
use crate::report::compact::{Interner, Micros, Opp};
use crate::report::rows::{CustomerRow, OppRow, Scope};

impl Snapshot {
    pub(crate) fn history_of(&self, o: &Opp) -> &[(Stage, Micros)] {
        &self.history[o.history_start as usize..(o.history_start + o.history_len) as usize]
    }

    /// Which customer numbers are live and in the region of `scope`, by number.
    pub(crate) fn customers_in_region(&self, scope: &Scope) -> Vec<bool> {
        let region = scope.region.as_deref().map(|r| self.regions.get(r));
        self.customers
            .iter()
            .map(|c| c.as_ref().is_some_and(|c| region.is_none_or(|r| r == Some(c.region))))
            .collect()
    }

    /// The records of `scope`'s currency whose customer is live and in its region, with
    /// whether the owner filter keeps them too (ABC ranks a customer on all its deals).
    /// Items are (position, record, owner filter passed).
    pub(crate) fn scan<'a>(&'a self, scope: &Scope) -> impl Iterator<Item = (usize, &'a Opp, bool)> + 'a {
        let currency = self.currencies.get(&scope.currency);
        let owner = scope.owner.as_deref().map(|o| self.owners.get(o));
        let customer_ok = self.customers_in_region(scope);
        self.opps.iter().enumerate().filter_map(move |(i, o)| {
            let keep = currency == Some(o.currency) && customer_ok.get(o.customer as usize).copied().unwrap_or(false);
            keep.then(|| (i, o, owner.is_none_or(|n| n == Some(o.owner))))
        })
    }

    /// The live opportunities of live customers in `scope` (owner, region, currency), as rows
    /// (for drill-downs and tests; the dashboard's figures read the compact records).
    pub fn opportunities(&self, scope: &Scope) -> Vec<OppRow> {
        self.rows(scope, false)
    }

    /// Like [`Self::opportunities`] but for every owner (ABC ranks a customer on all its deals).
    pub fn opportunities_all_owners(&self, scope: &Scope) -> Vec<OppRow> {
        self.rows(scope, true)
    }

    fn rows(&self, scope: &Scope, all_owners: bool) -> Vec<OppRow> {
        self.scan(scope)
            .filter(|(_, _, owner_ok)| all_owners || *owner_ok)
            .map(|(i, o, _)| o.to_row(&self.ids[i], &self.customer_keys, self.history_of(o)))
            .collect()
    }

    /// Live customers in `scope` (the customer's owner and region), by name.
    pub fn customers(&self, scope: &Scope) -> Vec<CustomerRow> {
        let region = scope.region.as_deref().map(|r| self.regions.get(r));
        let mut out: Vec<CustomerRow> = self
            .customers
            .iter()
            .flatten()
            .filter(|c| scope.owner.as_ref().is_none_or(|o| *o == c.owner) && region.is_none_or(|r| r == Some(c.region)))
            .map(|c| c.row.clone())
            .collect();
        out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.id.0.cmp(&b.id.0)));
        out
    }

    pub(super) fn collect_filter_values(&mut self) {
        // Marks by number rather than a set of strings: this runs after every patch.
        let mut owners = vec![false; self.owners.count()];
        for o in &self.opps {
            if let Some(seen) = owners.get_mut(o.owner as usize) {
                *seen = true;
            }
        }
        let mut regions = vec![false; self.regions.count()];
        for c in self.customers.iter().flatten() {
            if let Some(seen) = regions.get_mut(c.region as usize) {
                *seen = true;
            }
        }
        let sorted = |seen: Vec<bool>, names: &Interner| {
            let mut v: Vec<String> = seen.iter().enumerate().filter(|(_, s)| **s).map(|(n, _)| names.name(to_u32(n)).to_string()).filter(|s| !s.is_empty()).collect();
            v.sort();
            v
        };
        self.owner_list = sorted(owners, &self.owners);
        self.region_list = sorted(regions, &self.regions);
    }

    /// Owners and regions that occur, sorted, for the dashboard's filters.
    pub fn filter_values(&self) -> (Vec<String>, Vec<String>) {
        (self.owner_list.clone(), self.region_list.clone())
    }

    pub fn len(&self) -> usize {
        self.opps.len()
    }

    pub fn is_empty(&self) -> bool {
        self.opps.is_empty()
    }

    pub fn seq(&self) -> i64 {
        self.seq
    }
}
