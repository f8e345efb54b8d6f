//! Cell scores of the matrix open in the editor, kept between edits. Scoring all of a
//! 200 × 500 matrix takes a hash lookup per cell and a rank per column; an edit changes only
//! the columns it touches (a rank rule depends on its own column alone), so the window keeps
//! the scores dense (row = competitor, column = dimension, data order) and rescores the
//! touched columns. Anything that changes rows or columns (add, move) needs a rebuild:
//! [`Scored::fits`] says whether the scores still match the data's order.
//! The ranking from these scores equals `score::rank` (a test checks it after edits).

use super::model::MatrixData;
use super::score::{self, Ranking};
use crate::ids::{CompetitorId, DimensionId};
use rust_decimal::Decimal;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    rows: Vec<CompetitorId>,
    cols: Vec<DimensionId>,
    col_of: HashMap<DimensionId, usize>,
    cells: Vec<Option<Decimal>>,
}

impl Scored {
    pub fn new(data: &MatrixData) -> Self {
        let mut s = Self {
            rows: data.competitors.iter().map(|c| c.id).collect(),
            cols: data.dimensions.iter().map(|d| d.id).collect(),
            col_of: data.dimensions.iter().enumerate().map(|(i, d)| (d.id, i)).collect(),
            cells: vec![None; data.competitors.len() * data.dimensions.len()],
        };
        let mut by_dim: HashMap<DimensionId, Vec<(usize, &super::model::CellValue)>> = HashMap::new();
        let row_of: HashMap<CompetitorId, usize> = s.rows.iter().enumerate().map(|(i, c)| (*c, i)).collect();
        for ((c, d), cell) in &data.cells {
            if let (Some(v), Some(&r)) = (cell.value.as_ref(), row_of.get(c)) {
                by_dim.entry(*d).or_default().push((r, v));
            }
        }
        for (j, d) in data.dimensions.iter().enumerate() {
            let mut values = vec![None; s.rows.len()];
            for (r, v) in by_dim.remove(&d.id).unwrap_or_default() {
                values[r] = Some(v);
            }
            let column = score::column_scores(data, d, |r, _| values[r]);
            s.set_column(j, column);
        }
        s
    }

    /// Whether these scores are laid out like `data` (same competitors and dimensions, same order).
    pub fn fits(&self, data: &MatrixData) -> bool {
        self.rows.len() == data.competitors.len()
            && self.cols.len() == data.dimensions.len()
            && self.rows.iter().zip(&data.competitors).all(|(a, b)| *a == b.id)
            && self.cols.iter().zip(&data.dimensions).all(|(a, b)| *a == b.id)
    }

    fn set_column(&mut self, j: usize, column: Vec<Option<Decimal>>) {
        let n = self.cols.len();
        for (r, s) in column.into_iter().enumerate() {
            self.cells[r * n + j] = s;
        }
    }

    /// Rescores the columns of `dims` after their cells changed.
    pub fn rescore(&mut self, data: &MatrixData, dims: impl IntoIterator<Item = DimensionId>) {
        for d in dims {
            let (Some(&j), Some(dim)) = (self.col_of.get(&d), data.dimension(d)) else { continue };
            let column = score::column_scores(data, dim, |_, c| data.value(c.id, d));
            self.set_column(j, column);
        }
    }

    /// Row `r`, column `j` (data order).
    pub fn at(&self, r: usize, j: usize) -> Option<Decimal> {
        self.cells.get(r * self.cols.len() + j).copied().flatten()
    }

    /// Every competitor's score in the column of `d` (data order).
    pub fn column(&self, d: DimensionId) -> Vec<Option<Decimal>> {
        let Some(&j) = self.col_of.get(&d) else { return vec![None; self.rows.len()] };
        (0..self.rows.len()).map(|r| self.at(r, j)).collect()
    }

    pub fn ranking(&self, data: &MatrixData) -> Ranking {
        score::rank_with(data, |ci, di| self.at(ci, di))
    }
}
