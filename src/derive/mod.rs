//! Stage 2, deriving: the facts the rules read (pilots by stage, their ages),
//! each with the evidence that lets a reader check it in their own file.

pub mod evidence;
pub mod facts;
