//! The binary's layout (build.rs): where the build lays out the code the
//! shipped examples run, that code is a section of its own before the rest.

/// The names of an ELF file's sections; `None` for any other file.
fn elf_section_names(file: &[u8]) -> Option<Vec<String>> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(file.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(file.get(at..at + 4)?.try_into().ok()?));
    let u64_at = |at: usize| {
        let value = u64::from_le_bytes(file.get(at..at + 8)?.try_into().ok()?);
        usize::try_from(value).ok()
    };
    // 64-bit, little-endian.
    if file.get(..6)? != b"\x7fELF\x02\x01" {
        return None;
    }
    let headers = u64_at(0x28)?;
    let (size, count) = (usize::from(u16_at(0x3a)?), usize::from(u16_at(0x3c)?));
    let names_header = headers + size * usize::from(u16_at(0x3e)?);
    let names = u64_at(names_header + 0x18)?;
    (0..count)
        .map(|i| {
            let name = names + usize::try_from(u32_at(headers + size * i)?).ok()?;
            let end = name + file.get(name..)?.iter().position(|&b| b == 0)?;
            Some(String::from_utf8_lossy(&file[name..end]).into_owned())
        })
        .collect()
}

#[test]
fn the_code_a_run_uses_comes_first_where_the_build_lays_it_out() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_readiness")).expect("the binary is readable");
    let laid_out = option_env!("READINESS_HOT_CODE_LAYOUT").is_some();
    let Some(sections) = elf_section_names(&binary) else {
        assert!(!laid_out, "laid out, yet not an ELF file");
        return;
    };
    let hot = sections.iter().position(|s| s == ".text.hot");
    let rest = sections.iter().position(|s| s == ".text");
    assert!(rest.is_some(), "no .text among {sections:?}");
    if laid_out {
        assert!(hot.is_some_and(|h| Some(h) < rest), "{sections:?}");
    } else {
        assert_eq!(hot, None);
    }
}
