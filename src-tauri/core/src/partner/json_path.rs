//! Two cheap scans over raw JSON text, run before and after serde: the deepest nesting (so a
//! 10,000-deep array is refused by a message long before serde_json's own recursion limit of
//! 128, and never overflows the stack), and the field path (`rate.tiers[2].from`) at the line
//! and column where serde_json reported an error, so structural errors name their field too.
//! Neither allocates per level beyond a small stack bounded by the depth limit.

enum Frame {
    Object { key: String, expect_key: bool },
    Array { index: usize },
}

/// The deepest `[`/`{` nesting in `text`, counting only brackets outside strings; stops
/// counting once `limit` is passed (the answer is then `limit + 1`).
pub fn depth(text: &str, limit: usize) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
                if max > limit {
                    return max;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Byte offset of 1-based `line` and `column` (serde_json's convention, column counted in bytes).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// The path of the value being read at `line`:`column`, `""` at the top level.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let end = offset(text, line, column);
    let mut stack: Vec<Frame> = Vec::new();
    let (mut in_string, mut escaped, mut capture) = (false, false, None::<String>);
    for (i, ch) in text.char_indices() {
        if i >= end {
            break;
        }
        if in_string {
            match ch {
                _ if escaped => {
                    escaped = false;
                    if let Some(k) = capture.as_mut() {
                        k.push(ch);
                    }
                }
                '\\' => escaped = true,
                '"' => {
                    in_string = false;
                    if let (Some(k), Some(Frame::Object { key, .. })) = (capture.take(), stack.last_mut()) {
                        *key = k;
                    }
                }
                _ => {
                    if let Some(k) = capture.as_mut() {
                        k.push(ch);
                    }
                }
            }
            continue;
        }
        match ch {
            '"' => {
                in_string = true;
                if let Some(Frame::Object { expect_key: true, .. }) = stack.last() {
                    capture = Some(String::new());
                }
            }
            '{' => stack.push(Frame::Object { key: String::new(), expect_key: true }),
            '[' => stack.push(Frame::Array { index: 0 }),
            '}' | ']' => {
                stack.pop();
            }
            ':' => {
                if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                    *expect_key = false;
                }
            }
            ',' => match stack.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
    }
    // A key still being read when the error struck (an unknown field) is the path's end.
    if let (Some(k), Some(Frame::Object { key, .. })) = (capture, stack.last_mut()) {
        *key = k;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key, .. } if !key.is_empty() => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_counts_brackets_outside_strings() {
        assert_eq!(depth(r#"{"a":[1,{"b":"[[[["}]}"#, 10), 3);
        assert_eq!(depth(&"[".repeat(10_000), 32), 33);
    }

    #[test]
    fn path_names_the_field_at_the_error() {
        let text = "{\"rate\": {\"tiers\": [\n {\"from\": 0},\n {\"from\": \"x\"}]}}";
        // serde_json reports errors after the offending value: line 3, column 13.
        assert_eq!(path_at(text, 3, 13), "rate.tiers[1].from");
        assert_eq!(path_at(text, 1, 8), "rate");
        assert_eq!(path_at("{\"a\": 1, \"bogus\": 2}", 1, 16), "bogus");
    }
}
