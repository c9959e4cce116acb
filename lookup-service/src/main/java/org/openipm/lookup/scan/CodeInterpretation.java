package org.openipm.lookup.scan;

import jakarta.enterprise.context.ApplicationScoped;
import org.openipm.codes.CodeInterpreter;
import org.openipm.codes.Interpretation;
import org.openipm.lookup.answers.CodeReferenceCache;

/** The GS1/IMEI engine, fed with the proprietary patterns of every published product. */
@ApplicationScoped
public class CodeInterpretation {

    private final CodeInterpreter interpreter = new CodeInterpreter();
    private final CodeReferenceCache references;

    public CodeInterpretation(CodeReferenceCache references) {
        this.references = references;
    }

    public Interpretation interpret(String code) {
        return interpreter.interpret(code, references.patterns());
    }
}
