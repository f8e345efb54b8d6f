//! Partner plan JSON (`partner::parse::parse_plan`): any bytes, including deeply nested or
//! huge documents. Checks: no panic or stack overflow; a refusal names a field and says why;
//! a plan that parses and validates writes out as JSON that parses back to the same plan.
#![no_main]

use dealdesk_core::error::CoreError;
use dealdesk_core::partner::parse::parse_plan;
use libfuzzer_sys::{fuzz_target, Corpus};

fuzz_target!(init: dealdesk_fuzz::init(), |data: &[u8]| -> Corpus {
    match parse_plan(data) {
        Ok(plan) => {
            let json = serde_json::to_vec(&plan).expect("a plan serialises");
            let again = parse_plan(&json).expect("a written plan parses again");
            assert_eq!(again, plan, "the plan does not read back the same");
        }
        Err(CoreError::Validation(errors)) => {
            assert!(!errors.is_empty(), "refused without a reason");
            for e in &errors {
                assert!(!e.field.is_empty() && !e.message.trim().is_empty(), "a refusal must name a field and say why: {e:?}");
            }
        }
        Err(other) => panic!("a plan is refused only with field errors, not {other:?}"),
    }
    Corpus::Keep
});
