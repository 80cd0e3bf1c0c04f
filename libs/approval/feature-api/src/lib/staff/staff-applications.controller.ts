import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CentreInPath, CurrentPrincipal, RequirePermission } from '@zhengwu/server/core/auth';
import type { StaffPrincipal } from '@zhengwu/server/core/tenancy';
import {
  AcceptRequest,
  AssignStepRequest,
  CompleteRequest,
  NotAcceptRequest,
  OverrideReturnRequest,
  Permission,
  ReasonedTransitionRequest,
  ReturnWithNoticeRequest,
  StartSpecialProcedureRequest,
  TransitionRequest,
} from '@zhengwu/shared/contracts';
import { ApplicationParams } from '../application.params';
import { PreReviewService } from './pre-review.service';
import { StepActionsService } from './step-actions.service';

/** Staff actions on one application of their centre. Every body carries the version they saw. */
@ApiTags('staff actions')
@ApiBearerAuth()
@Controller('centres/:centreCode/applications/:id')
@CentreInPath()
export class StaffApplicationsController {
  constructor(
    private readonly preReview: PreReviewService,
    private readonly steps: StepActionsService,
  ) {}

  @Post('pre-review/accept')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.PreReview)
  @ApiOperation({ summary: '受理: accept (the clock starts; a 即办件 is decided on the spot)' })
  accept(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: AcceptRequest) {
    return this.preReview.accept(p.centreCode, staff, p.id, body);
  }

  @Post('pre-review/return')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.PreReview)
  @ApiOperation({ summary: '一次性告知: return with every defect listed (行政许可法 §32)' })
  returnWithNotice(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ReturnWithNoticeRequest) {
    return this.preReview.returnWithNotice(p.centreCode, staff, p.id, body);
  }

  @Post('pre-review/return-with-override')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.NoticeOverride)
  @ApiOperation({ summary: 'Supervisor: return with defects the one-time rule refuses, with a recorded reason' })
  returnWithOverride(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: OverrideReturnRequest) {
    return this.preReview.returnWithOverride(p.centreCode, staff, p.id, body);
  }

  @Post('pre-review/not-accept')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.PreReview)
  @ApiOperation({ summary: '不予受理: not accept, with reason and legal basis' })
  notAccept(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: NotAcceptRequest) {
    return this.preReview.notAccept(p.centreCode, staff, p.id, body);
  }

  @Post('originals/arrival')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.PreReview)
  @ApiOperation({ summary: 'Confirm that the paper originals forwarded by the verifying centre arrived' })
  confirmPaperArrival(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal) {
    return this.preReview.confirmPaperArrival(p.centreCode, staff, p.id);
  }

  @Post('steps/claim')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: 'Take the current step' })
  claim(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: TransitionRequest) {
    return this.steps.claim(p.centreCode, staff, p.id, body);
  }

  @Post('steps/assign')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Supervise)
  @ApiOperation({ summary: 'Hand the current step to a staff member who holds its post' })
  assign(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: AssignStepRequest) {
    return this.steps.assign(p.centreCode, staff, p.id, body);
  }

  @Post('steps/pass')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: 'Pass the current step to the next one' })
  pass(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: TransitionRequest) {
    return this.steps.pass(p.centreCode, staff, p.id, body);
  }

  @Post('steps/return')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: 'Return the case to the previous step, with a reason' })
  returnStep(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ReasonedTransitionRequest) {
    return this.steps.returnStep(p.centreCode, staff, p.id, body);
  }

  @Post('special-procedures')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: 'Start a special procedure (hearing, testing, expert review …): the clock pauses (§45)' })
  startSpecial(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: StartSpecialProcedureRequest) {
    return this.steps.startSpecialProcedure(p.centreCode, staff, p.id, body);
  }

  @Post('special-procedures/end')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.StepHandle)
  @ApiOperation({ summary: 'End the special procedure: the clock runs again' })
  endSpecial(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: TransitionRequest) {
    return this.steps.endSpecialProcedure(p.centreCode, staff, p.id, body);
  }

  @Post('decision/approve')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Decide)
  @ApiOperation({ summary: '准予许可: approve at the decision step' })
  approve(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: TransitionRequest) {
    return this.steps.approve(p.centreCode, staff, p.id, body);
  }

  @Post('decision/deny')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Decide)
  @ApiOperation({ summary: '不予许可: deny at the decision step, with reasons' })
  deny(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ReasonedTransitionRequest) {
    return this.steps.deny(p.centreCode, staff, p.id, body);
  }

  @Post('extension')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Decide)
  @ApiOperation({ summary: 'Extend the legal limit by 10 working days once (§42); the applicant is told why' })
  extend(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ReasonedTransitionRequest) {
    return this.steps.extend(p.centreCode, staff, p.id, body);
  }

  @Post('complete')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Decide)
  @ApiOperation({ summary: '办结: complete a decided case (an approval needing an originals check waits for it)' })
  complete(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: CompleteRequest) {
    return this.steps.complete(p.centreCode, staff, p.id, body);
  }

  @Post('terminate')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(Permission.Decide)
  @ApiOperation({ summary: '终止: terminate the case, with a reason' })
  terminate(@Param() p: ApplicationParams, @CurrentPrincipal() staff: StaffPrincipal, @Body() body: ReasonedTransitionRequest) {
    return this.steps.terminate(p.centreCode, staff, p.id, body);
  }
}
