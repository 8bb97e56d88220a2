package kr.gyeol.window;

/**
 * What the window does: register only, register and charge once the partner confirms, or
 * register and charge at once.
 */
public enum WindowWork {

    AUTH, CERT, PAY

}
