import java.io.File;
import org.apache.pdfbox.preflight.PreflightDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.exception.SyntaxValidationException;
import org.apache.pdfbox.preflight.parser.PreflightParser;

public class Preflight {
	public static void main(String[] args) throws Exception {
		for (String path : args) {
			ValidationResult r;
			PreflightParser p = new PreflightParser(new File(path));
			try {
				p.parse();
				try (PreflightDocument d = p.getPreflightDocument()) {
					d.validate();
					r = d.getResult();
				}
			} catch (SyntaxValidationException e) {
				r = e.getResult();
			}
			for (ValidationResult.ValidationError e : r.getErrorsList())
				System.out.println(path + ": " + e.getErrorCode() + " " + e.getDetails());
			System.out.println(path + (r.isValid() ? ": valid" : ": invalid"));
		}
	}
}
