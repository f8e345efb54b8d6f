//! A template as a JSON file (what `dealdesk contract template check|save FILE` reads and
//! `template export` writes): the template's kind, names and ordered clause keys, plus any
//! clauses it brings or changes. See docs/contracts.md for the format.

use super::model::{LibraryClause, Template, TemplateKind};
use crate::error::{CoreError, CoreResult};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateFile {
    pub template: Template,
    #[serde(default)]
    pub clauses: Vec<LibraryClause>,
}

pub fn parse(file_name: &str, bytes: &[u8]) -> CoreResult<TemplateFile> {
    serde_json::from_slice(bytes).map_err(|e| CoreError::BadRequest(format!("{file_name}: not a template file: {e} (line {}, column {})", e.line(), e.column())))
}

/// The default template of a kind with every clause it uses, as a file to edit.
pub fn export_default(kind: TemplateKind) -> TemplateFile {
    let template = super::library::default_template(kind);
    let clauses = super::library::default_clauses().into_iter().filter(|c| template.clauses.contains(&c.key)).collect();
    TemplateFile { template, clauses }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_placeholder_in_a_template_file_names_the_clause_and_the_placeholder() {
        let mut file = export_default(TemplateKind::Sales);
        file.clauses[2].zh = file.clauses[2].zh.replace("{{payment.days}}", "{{payment.dayz}}");
        let json = serde_json::to_vec(&file).expect("json");
        let parsed = parse("t.json", &json).expect("parses");
        let err = super::super::store::check_template(&parsed.template, &parsed.clauses, &[]).expect_err("refused");
        let text = err.to_string();
        assert!(text.contains("clause payment.standard.zh") && text.contains("{{payment.dayz}}"), "{text}");
        assert!(super::super::store::check_template(&export_default(TemplateKind::Nda).template, &export_default(TemplateKind::Nda).clauses, &[]).is_ok());
    }
}
