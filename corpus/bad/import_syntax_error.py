# A syntax error in an imported module is a SyntaxError at the import.
import m_bad_syntax
