# ruff: noqa: E501
"""Inline CSS and JavaScript of the demo shop pages."""

_BASE_CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d1d1d;background:#fff}
a{color:#1f5f3f}
img{max-width:100%;height:auto}
.skip{position:absolute;left:-10000px;top:0;background:#fff;color:#1d1d1d;padding:8px 12px;z-index:50}
.skip:focus{left:8px;top:8px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.site{background:#17372a;color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;align-items:center;gap:8px 24px}
header.site a{color:#fff}
.logo{display:inline-flex;align-items:center;gap:8px;font-weight:700;font-size:1.25rem;text-decoration:none;padding:4px 0}
.search{display:flex;gap:6px;align-items:center}
.search input{width:30ch;max-width:60vw;padding:8px 10px;border:1px solid #767676;border-radius:4px;font:inherit;color:#1d1d1d;background:#fff}
.search button{min-height:42px;min-width:44px;padding:8px 14px;border:0;border-radius:4px;background:#f2c14e;color:#1d1d1d;font:inherit;font-weight:600;cursor:pointer}
.search button svg{display:block}
nav.main ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px}
nav.main a{display:inline-block;padding:8px 10px;text-decoration:none;font-weight:600}
nav.main a[aria-current]{text-decoration:underline}
.header-links{margin-left:auto;display:flex;gap:16px}
.header-links a{display:inline-block;padding:8px 0}
main{display:block;max-width:1140px;margin:0 auto;padding:16px 16px 48px}
h1{font-size:1.9rem;line-height:1.2;margin:.4em 0 .5em}
h2{font-size:1.35rem;margin:1.4em 0 .5em}
.breadcrumb ol{list-style:none;margin:0 0 8px;padding:0;display:flex;flex-wrap:wrap;gap:4px 8px;font-size:.95rem}
.breadcrumb li+li::before{content:"›";margin-right:8px;color:#595959}
.breadcrumb a{display:inline-block;padding:2px 0}
.grid{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:18px}
.card{border:1px solid #d0d0d0;border-radius:6px;padding:12px;background:#fff}
.card img{display:block;width:100%;height:auto;aspect-ratio:4/3;background:#eef2ef}
.card h2,.card h3{font-size:1.05rem;margin:.6em 0 .2em}
.card a{display:inline-block;padding:2px 0}
.price{font-weight:700;margin:.2em 0}
.old{font-weight:400;color:#595959;text-decoration:line-through;margin-right:6px}
.sale-price{color:#a3001b}
.hero img{display:block;width:100%;height:auto;border-radius:6px}
.hero-text{padding:8px 0}
.btn,button{display:inline-block;font:inherit;font-weight:600;background:#1f5f3f;color:#fff;border:0;border-radius:4px;padding:10px 18px;text-decoration:none;cursor:pointer;min-height:44px}
.tiles{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:10px}
.tiles a{display:inline-block;padding:10px 16px;border:1px solid #1f5f3f;border-radius:20px;text-decoration:none}
.info{display:grid;grid-template-columns:repeat(auto-fit,minmax(240px,1fr));gap:18px}
.info h3{margin:.4em 0}
.pagination ul{list-style:none;padding:0;margin:24px 0;display:flex;flex-wrap:wrap;gap:6px}
.pagination a,.pagination span{display:inline-block;min-width:44px;min-height:44px;padding:10px;text-align:center;border:1px solid #d0d0d0;border-radius:4px;text-decoration:none}
.pagination [aria-current]{background:#17372a;color:#fff}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:baseline;margin:12px 0}
.filters h2{font-size:1rem;margin:0}
.filters ul{display:flex;flex-wrap:wrap;gap:8px 16px;list-style:none;margin:0;padding:0}
.filters a,.filters span{display:inline-block;padding:10px 0;line-height:24px}
.toolbar{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:12px 0}
.toolbar select{font:inherit;padding:8px;border:1px solid #767676;border-radius:4px;min-height:44px}
.toolbar button{padding:8px 14px}
.count{color:#3d3d3d}
.product{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:32px}
@media (max-width:720px){.product{grid-template-columns:1fr}}
.product img{width:100%;height:auto;border-radius:6px}
.sku{color:#595959}
form.stack label,form.stack legend{display:block;font-weight:600;margin-top:14px}
form.stack input,form.stack select,form.stack textarea{display:block;width:100%;max-width:30rem;padding:9px 10px;border:1px solid #767676;border-radius:4px;font:inherit;color:#1d1d1d;background:#fff}
form.stack textarea{min-height:8rem}
form.stack button{margin-top:18px}
form.stack input[type=checkbox]{display:inline-block;width:auto}
form.stack button.reveal{margin-top:6px;background:#fff;color:#1f5f3f;border:1px solid #1f5f3f;padding:8px 14px}
fieldset{border:0;padding:0;margin:0}
.hint{color:#595959;font-size:.95rem;margin:2px 0 0}
.error{color:#a3001b;font-weight:600;margin:4px 0 0}
.error-box{border:2px solid #a3001b;color:#a3001b;padding:10px 14px;border-radius:4px;margin:12px 0}
.notice{border-left:4px solid #1f5f3f;background:#eef5f0;padding:10px 14px;margin:12px 0}
.promo{min-height:280px;margin:0 0 16px;padding:28px;border-radius:6px;background:#17372a;color:#fff;font-size:1.4rem}
.promo strong{display:block;font-size:2rem}
.teaser{border:1px solid #d0d0d0;border-radius:6px;padding:12px 16px;margin:16px 0}
table{border-collapse:collapse;width:100%;max-width:760px}
th,td{border-bottom:1px solid #d0d0d0;padding:8px;text-align:left}
.qty-form{display:flex;gap:8px;align-items:end;flex-wrap:wrap;margin:16px 0}
.qty-form input{width:5rem;padding:8px;border:1px solid #767676;border-radius:4px;font:inherit;min-height:44px}
footer.site{border-top:1px solid #d0d0d0;background:#fff;padding:24px 16px 96px}
footer.site .cols{max-width:1140px;margin:0 auto;display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:16px}
footer.site h2{font-size:1rem;margin:0 0 6px}
footer.site ul{list-style:none;margin:0;padding:0}
footer.site li a{display:inline-block;padding:4px 0}
footer.site p{max-width:1140px;margin:16px auto 0}
#cookie-banner{position:fixed;left:0;right:0;bottom:0;z-index:40;background:#1d1d1d;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:10px 16px;align-items:center}
#cookie-banner p{margin:0;flex:1 1 320px}
#cookie-banner a{color:#fff}
#cookie-banner button{background:#f2c14e;color:#1d1d1d}
#cookie-banner button+button{background:#fff}
"""

_CSS_FOOTER_CLEAN = "footer.site{color:#3d3d3d}footer.site a{color:#1f5f3f}"
_CSS_FOOTER_DEFECT = "footer.site,footer.site h2,footer.site a{color:#bbb;background:#fff}"
_CSS_FOCUS_CLEAN = (
    "a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,"
    "textarea:focus-visible,[tabindex]:focus-visible{outline:3px solid #ffbf47;outline-offset:1px;"
    "box-shadow:0 0 0 5px #0b0c0c}"
)
_CSS_FOCUS_DEFECT = "a:focus, button:focus { outline: none }"

_CONSENT_JS = (
    "(function(){var b=document.getElementById('cookie-banner');if(!b)return;"
    "b.querySelectorAll('button[data-consent]').forEach(function(btn){"
    "btn.addEventListener('click',function(){"
    "document.cookie='consent='+btn.getAttribute('data-consent')+'; path=/';"
    "if(b.parentNode)b.parentNode.removeChild(b);});});})();"
)

# Clean-mode inline validation: native constraints plus messages tied to the fields.
# A form marked data-validate announces each message itself (role=alert); one marked
# data-validate="focus" checks itself on submit instead, writes the messages without a
# live region and moves the focus to the first wrong field, which a screen reader then
# reads out with its message (aria-describedby): the other way to announce an error.
_VALIDATE_JS = """(function(){
function label(el){return el.getAttribute('data-label')||'a value';}
function focusing(el){return !!el.form&&el.form.getAttribute('data-validate')==='focus';}
function msg(el){var v=el.validity,l=label(el);
if(v.valueMissing)return 'Please enter '+l+'.';
if(v.typeMismatch&&el.type==='email')return 'Please enter a valid email address, for example name@example.com.';
if(v.tooShort)return 'Please use at least '+el.minLength+' characters.';
return el.validationMessage||('Please check '+l+'.');}
function ids(el){return (el.getAttribute('aria-describedby')||'').split(' ').filter(Boolean);}
function show(el){var id=el.id+'-error',p=document.getElementById(id);
if(!p){p=document.createElement('p');p.id=id;p.className='error';if(!focusing(el))p.setAttribute('role','alert');el.insertAdjacentElement('afterend',p);}
p.textContent=msg(el);el.setAttribute('aria-invalid','true');var d=ids(el);
if(d.indexOf(id)<0){d.push(id);el.setAttribute('aria-describedby',d.join(' '));}}
function clear(el){var id=el.id+'-error',p=document.getElementById(id);if(p)p.parentNode.removeChild(p);
el.removeAttribute('aria-invalid');var d=ids(el).filter(function(x){return x!==id;});
if(d.length)el.setAttribute('aria-describedby',d.join(' '));else el.removeAttribute('aria-describedby');}
document.querySelectorAll('form[data-validate]').forEach(function(f){
f.addEventListener('invalid',function(e){show(e.target);},true);
f.addEventListener('blur',function(e){var el=e.target;if(!el.willValidate||!el.id)return;
var to=e.relatedTarget;if(to&&to.form===f&&to.type==='submit')return;
if(el.validity.valid){if(el.getAttribute('aria-invalid'))clear(el);}else if(el.value)show(el);},true);
f.addEventListener('input',function(e){var el=e.target;if(el.getAttribute('aria-invalid')&&el.validity.valid)clear(el);},true);
if(f.getAttribute('data-validate')!=='focus')return;
f.noValidate=true;
f.addEventListener('submit',function(e){var bad=Array.prototype.filter.call(f.elements,function(el){return el.willValidate&&!el.checkValidity();});
if(bad.length){e.preventDefault();bad[0].focus();}});
});})();"""

_REGISTER_DEFECT_JS = """(function(){var f=document.getElementById('register-form');if(!f)return;
f.addEventListener('submit',function(e){var bad=false;
['reg-name','reg-email','reg-password'].forEach(function(id){if(!document.getElementById(id).value.trim())bad=true;});
var em=document.getElementById('reg-email').value;if(em&&em.indexOf('@')<0)bad=true;
var pw=document.getElementById('reg-password').value;if(pw&&pw.length<8)bad=true;
if(bad){e.preventDefault();var b=document.getElementById('form-errors');b.hidden=false;
b.textContent='Please correct the errors in the form.';window.scrollTo(0,0);}});})();"""

# Clean mode: each "Show password" button switches its field between hidden and shown text.
_REVEAL_JS = """(function(){document.querySelectorAll('button.reveal[aria-controls]').forEach(function(b){
var f=document.getElementById(b.getAttribute('aria-controls'));if(!f)return;
b.addEventListener('click',function(){var show=f.type==='password';f.type=show?'text':'password';
b.setAttribute('aria-pressed',show?'true':'false');});});})();"""

_TRAP_JS = (
    "document.getElementById('newsletter-email').addEventListener('keydown',function(e){"
    "if(e.key==='Tab'||e.keyCode===9){e.preventDefault();}});"
)

_LAYOUT_SHIFT_JS = (
    "window.addEventListener('load',function(){setTimeout(function(){"
    "var m=document.getElementById('main');var d=document.createElement('div');"
    "d.className='promo';d.innerHTML='<strong>Winter sale</strong> 20% off all down jackets "
    "with the code WARM20';m.insertBefore(d,m.firstChild);},600);});"
)

# Served as /static/js/recommendations.js and loaded synchronously in the <head> of the first
# product page ("blocking-script"): render-blocking, and once the page has loaded and painted
# it keeps the main thread busy for about 400 ms (one long task after the first contentful
# paint: a Total Blocking Time of about 350 ms). It changes nothing on the page.
RECOMMENDATIONS_JS = """/*! Nordwind recommendations widget v2.3.1 (demo third-party script) */
(function () {
  "use strict";
  var BUSY_MS = 400, done = false;
  function score() {
    // Stand-in for a heavy synchronous "personalisation" computation on the main thread.
    if (done) return;
    done = true;
    var start = Date.now(), n = 0;
    while (Date.now() - start < BUSY_MS) { n += 1; }
    window.__nordwindRecommendations = { scored: n > 0 };
  }
  function afterFirstPaint() {
    // Wait for the first contentful paint, so that the long task comes after it.
    var fallback = setTimeout(score, 1000);
    function go() { clearTimeout(fallback); setTimeout(score, 0); }
    if (performance.getEntriesByName("first-contentful-paint").length) return go();
    try {
      var observer = new PerformanceObserver(function (list) {
        if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); go(); }
      });
      observer.observe({ type: "paint", buffered: true });
    } catch (e) { /* the fallback runs it */ }
  }
  window.addEventListener("load", afterFirstPaint);
})();
"""

_SEARCH_ICON = (
    '<svg width="20" height="20" viewBox="0 0 20 20" focusable="false">'
    '<circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="2"/>'
    '<line x1="12.5" y1="12.5" x2="18" y2="18" stroke="currentColor" stroke-width="2"/></svg>'
)
_LOGO_MARK = (
    '<svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">'
    '<rect width="32" height="32" rx="6" fill="#f2c14e"/>'
    '<path d="M4 24 L12 10 L17 18 L21 13 L28 24 Z" fill="#17372a"/></svg>'
)

# Clean-mode autocomplete of the header search (an ARIA 1.2 combobox with a listbox popup,
# list autocomplete with manual selection): after 2 typed characters and 150 ms without a
# key it asks GET /search/suggest?q=... and lists up to 8 categories and products; ArrowDown
# and ArrowUp move the active option (aria-activedescendant, aria-selected), Enter or a click
# opens it, Escape or leaving the field closes the list. Nothing opens or takes focus
# unless the customer types.
_CSS_SUGGEST = (
    ".search{position:relative}"
    ".suggest{position:absolute;top:100%;left:0;z-index:30;min-width:100%;width:max-content;"
    "max-width:min(28rem,calc(100vw - 32px));"
    "margin:4px 0 0;padding:4px 0;list-style:none;background:#fff;color:#1d1d1d;"
    "border:1px solid #767676;border-radius:4px;box-shadow:0 4px 12px rgba(0,0,0,.25)}"
    ".suggest li{display:flex;justify-content:space-between;align-items:baseline;gap:16px;padding:8px 12px;"
    "cursor:pointer}"
    ".suggest .kind{flex:none;color:#595959;font-size:.9rem}"
    ".suggest li:hover{background:#eef5f0}"
    ".suggest [aria-selected=true],.suggest [aria-selected=true]:hover{background:#17372a;"
    "color:#fff;outline:2px solid #ffbf47;outline-offset:-2px}"
    ".suggest [aria-selected=true] .kind{color:#fff}"
)

_AUTOCOMPLETE_JS = """(function(){
var list=document.getElementById('site-search-list'),input=list&&document.querySelector('[aria-controls="site-search-list"]');
if(!input||!list||!window.fetch)return;
var form=input.form,items=[],active=-1,timer=0,seq=0,shown='';
function option(i){return document.getElementById('site-search-opt-'+i);}
function mark(i){if(active>=0&&option(active))option(active).removeAttribute('aria-selected');
active=i;if(i<0){input.removeAttribute('aria-activedescendant');return;}
var o=option(i);o.setAttribute('aria-selected','true');input.setAttribute('aria-activedescendant',o.id);
if(o.scrollIntoView)o.scrollIntoView({block:'nearest'});}
function close(){clearTimeout(timer);mark(-1);list.hidden=true;input.setAttribute('aria-expanded','false');}
function open(){if(!items.length){close();return;}list.hidden=false;input.setAttribute('aria-expanded','true');}
function render(value,found){items=found.slice(0,8);shown=value;active=-1;
input.removeAttribute('aria-activedescendant');list.textContent='';
items.forEach(function(s,i){var li=document.createElement('li');li.id='site-search-opt-'+i;
li.setAttribute('role','option');var name=document.createElement('span');name.textContent=s.label;
var kind=document.createElement('span');kind.className='kind';
kind.textContent=s.kind==='category'?'Category':'Product';li.appendChild(name);li.appendChild(document.createTextNode(' '));li.appendChild(kind);
li.addEventListener('mousedown',function(e){e.preventDefault();});
li.addEventListener('click',function(){pick(i);});list.appendChild(li);});
if(document.activeElement===input)open();else close();}
function pick(i){var s=items[i];if(!s)return;input.value=s.label;close();window.location.assign(s.url);}
function ask(){var value=input.value.trim(),mine=++seq;
if(value.length<2){items=[];shown='';close();return;}
fetch('/search/suggest?q='+encodeURIComponent(value),{headers:{'Accept':'application/json'},credentials:'same-origin'})
.then(function(r){return r.ok?r.json():{suggestions:[]};})
.then(function(data){if(mine===seq&&input.value.trim()===value)render(value,data.suggestions||[]);})
.catch(function(){});}
input.addEventListener('input',function(){clearTimeout(timer);mark(-1);
if(input.value.trim().length<2){seq++;items=[];shown='';close();return;}timer=setTimeout(ask,150);});
input.addEventListener('keydown',function(e){var n=items.length;
if(e.key==='ArrowDown'||e.key==='ArrowUp'){
if(e.altKey){if(e.key==='ArrowDown'&&shown===input.value.trim())open();else close();e.preventDefault();return;}
if(list.hidden){if(shown&&shown===input.value.trim()&&n){open();mark(e.key==='ArrowDown'?0:n-1);}
else if(input.value.trim().length>=2){clearTimeout(timer);ask();}e.preventDefault();return;}
e.preventDefault();if(e.key==='ArrowDown')mark(active<n-1?active+1:0);else mark(active>0?active-1:n-1);
}else if(e.key==='Enter'){if(!list.hidden&&active>=0){e.preventDefault();pick(active);}else close();
}else if(e.key==='Escape'){if(!list.hidden){e.preventDefault();close();}
}else if(e.key==='Tab'){close();}});
input.addEventListener('blur',close);
if(form)form.addEventListener('submit',function(){seq++;close();});
window.addEventListener('pageshow',close);
})();"""

# Inline on /category/backpacks: the "size advisor" sets itself up right after the first
# paint (requestAnimationFrame, then setTimeout), the way many widgets wait for the page to
# show. Its one task starts a few ms before the first paint is presented, so it straddles
# First Contentful Paint and blocks the customer's first taps for about 500 ms
# ("paint-task"). The clean twin does the same work in slices of 20 ms that let input in.
_SIZE_ADVISOR_JS = (
    "requestAnimationFrame(function(){setTimeout(function adviseSizes(){"
    "var t=Date.now(),n=0;while(Date.now()-t<500){n+=1;}"
    "window.__nordwindSizes={ready:n>0};},0);});"
)
_SIZE_ADVISOR_SLICED_JS = (
    "requestAnimationFrame(function(){var left=25;setTimeout(function adviseSizes(){"
    "var t=Date.now(),n=0;while(Date.now()-t<20){n+=1;}"
    "if(--left>0){setTimeout(adviseSizes,0);}else{window.__nordwindSizes={ready:true};}},0);});"
)
