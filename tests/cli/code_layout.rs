//! The binary's layout (build.rs): where the build lays out the code the
//! shipped examples run, that code is a section of its own before the rest,
//! and holds the tool's own functions.

/// An ELF file's sections, by name, with where each lies in the file and
/// its size; `None` for any other file.
struct Elf<'a> {
    file: &'a [u8],
    sections: Vec<(String, usize, usize)>,
}

fn u16_at(file: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_le_bytes(
        file.get(at..at + 2)?.try_into().ok()?,
    )))
}

fn u32_at(file: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u32::from_le_bytes(file.get(at..at + 4)?.try_into().ok()?)).ok()
}

fn u64_at(file: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u64::from_le_bytes(file.get(at..at + 8)?.try_into().ok()?)).ok()
}

/// The text ending at the first NUL from `at`.
fn name_at(file: &[u8], at: usize) -> Option<String> {
    let end = at + file.get(at..)?.iter().position(|&b| b == 0)?;
    Some(String::from_utf8_lossy(&file[at..end]).into_owned())
}

impl<'a> Elf<'a> {
    fn read(file: &'a [u8]) -> Option<Elf<'a>> {
        // 64-bit, little-endian.
        if file.get(..6)? != b"\x7fELF\x02\x01" {
            return None;
        }
        let headers = u64_at(file, 0x28)?;
        let (size, count) = (u16_at(file, 0x3a)?, u16_at(file, 0x3c)?);
        let names = u64_at(file, headers + size * u16_at(file, 0x3e)? + 0x18)?;
        let sections = (0..count)
            .map(|i| {
                let header = headers + size * i;
                let name = name_at(file, names + u32_at(file, header)?)?;
                Some((
                    name,
                    u64_at(file, header + 0x18)?,
                    u64_at(file, header + 0x20)?,
                ))
            })
            .collect::<Option<_>>()?;
        Some(Elf { file, sections })
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.sections.iter().position(|(n, ..)| n == name)
    }

    /// The index of the section holding the first function whose symbol
    /// contains `part`.
    fn section_of(&self, part: &str) -> Option<usize> {
        let (_, symbols, size) = &self.sections[self.index(".symtab")?];
        let (_, names, _) = &self.sections[self.index(".strtab")?];
        (0..size / 24).find_map(|i| {
            let symbol = symbols + 24 * i;
            let name = name_at(self.file, names + u32_at(self.file, symbol)?)?;
            name.contains(part).then(|| u16_at(self.file, symbol + 6))?
        })
    }
}

#[test]
fn the_code_a_run_uses_comes_first_where_the_build_lays_it_out() {
    let binary = std::fs::read(env!("CARGO_BIN_EXE_readiness")).expect("the binary is readable");
    let laid_out = option_env!("READINESS_HOT_CODE_LAYOUT").is_some();
    let Some(elf) = Elf::read(&binary) else {
        assert!(!laid_out, "laid out, yet not an ELF file");
        return;
    };
    let hot = elf.index(".text.hot");
    let rest = elf.index(".text");
    assert!(rest.is_some(), "no .text");
    if laid_out {
        assert!(
            hot.is_some_and(|h| Some(h) < rest),
            "no .text.hot before .text"
        );
        // A function of the tool's own that every run calls lies in it: the
        // script's names still match the compiler's.
        assert_eq!(elf.section_of("start_small_at_load"), hot);
    } else {
        assert_eq!(hot, None);
    }
}
