; Text that makes a program's output an HTML page: a string or a macro
; holding a tag or the text/html content type. The rules for CWE-79 only
; look at programs that write HTML.
((string_literal) @html
  (#match? @html "(?i)(<(!doctype|html|head|body|title|p|br|b|i|em|strong|h[1-6]|div|span|table|tr|td|ul|ol|li|a|form|input|script|pre)[ >/])|text/html"))

((preproc_arg) @html
  (#match? @html "(?i)(<(!doctype|html|head|body|title|p|br|b|i|em|strong|h[1-6]|div|span|table|tr|td|ul|ol|li|a|form|input|script|pre)[ >/])|text/html"))
